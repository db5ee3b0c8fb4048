/**
 * Just enough of the Dockerfile format to check ours without Docker (docs/deployment.md): instructions
 * with their line continuations joined, grouped into build stages. Enough for the repository's own
 * Dockerfile, which the deployment tests read; not a general parser (no heredocs, no escape directive).
 */
export interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuations joined with single spaces. */
  args: string;
}

export interface Stage {
  name: string;
  /** The image or earlier stage it starts from, as written (`${NODE_IMAGE}`, `deps`). */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = "";
  }
  const result: Dockerfile = { globalArgs: {}, stages: [] };
  for (const line of logical.filter(Boolean)) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    if (instruction.keyword === "FROM") {
      const [from = "", as, name] = rest;
      result.stages.push({
        name: as?.toUpperCase() === "AS" && name ? name : String(result.stages.length),
        from,
        instructions: [],
      });
    } else if (result.stages.length === 0 && instruction.keyword === "ARG") {
      const [key = "", value = ""] = instruction.args.split("=");
      result.globalArgs[key] = value;
    } else {
      result.stages.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

export function stage(dockerfile: Dockerfile, name: string): Stage {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name} in the Dockerfile`);
  return found;
}

/** The exec (JSON array) form of CMD, ENTRYPOINT, RUN and HEALTHCHECK CMD; null for the shell form. */
export function execForm(args: string): string[] | null {
  if (!args.startsWith("[")) return null;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === "string") ? parsed : null;
}

export interface Copy {
  /** The stage copied from (`--from=`), or null for the build context. */
  from: string | null;
  sources: string[];
  destination: string;
}

/** A COPY instruction's flags and paths (exec form is not used in our Dockerfile). */
export function parseCopy(args: string): Copy {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length) ?? null;
  const paths = words.filter((w) => !w.startsWith("--"));
  const destination = paths.pop();
  if (!destination || paths.length === 0) throw new Error(`COPY without source or destination: ${args}`);
  return { from, sources: paths, destination };
}
