import { formatKronor } from "@nns/domain/money";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroupField, SelectField } from "../../components/choice";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { KommunGroup } from "../../components/KommunGroup";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader, TextField } from "../../components/ui";
import { ApiError, api, call, fieldErrors } from "../../lib/api";
import { optional, parseKronor } from "../../lib/format";
import { countiesQuery, countyOfMunicipality } from "../../lib/reference";
import { usePermissions } from "../../lib/session";
import { isEditable } from "./badges";
import { localProblem } from "./localErrors";
import {
  type Intervention,
  type InterventionContent,
  interventionQuery,
  interventionsPageQuery,
  invalidateIntervention,
  vocabulariesQuery,
} from "./queries";
import { InterventionTabs } from "./Tabs";
import "./i18n";
import "./catalog.css";

const newRoute = getRouteApi("/app/o/$orgId/interventions/new");
const editRoute = getRouteApi("/app/o/$orgId/interventions/$interventionId/edit");

/** "Ny insats": a draft in the förbund's name. */
export function NewInterventionPage() {
  const { orgId } = newRoute.useParams();
  const { t } = useTranslation("catalog");
  return (
    <>
      <PageHeader title={t("form.newTitle")} />
      <p>
        <Link to="/o/$orgId/interventions" params={{ orgId }}>
          {t("form.backList")}
        </Link>
      </p>
      <InterventionForm key={orgId} orgId={orgId} />
    </>
  );
}

/** "Redigera": a new revision of the working copy; a published entry stays public until republished. */
export function EditInterventionPage() {
  const { orgId, interventionId } = editRoute.useParams();
  const { t } = useTranslation("catalog");
  const query = useQuery(interventionQuery(orgId, interventionId));
  const can = usePermissions(orgId);
  return (
    <QueryView query={query}>
      {({ intervention, etag }) => (
        <>
          <PageHeader title={t("form.editTitle", { title: intervention.content.title })} />
          <InterventionTabs
            orgId={orgId}
            interventionId={interventionId}
            canEdit={can.has("interventions:write")}
          />
          {isEditable(intervention) ? null : (
            <p className="notice">{t("form.notEditable", { state: t(`state.${intervention.state}`) })}</p>
          )}
          <InterventionForm
            key={`${orgId}/${interventionId}/${intervention.version}`}
            orgId={orgId}
            initial={intervention}
            etag={etag}
            onReload={() => query.refetch()}
          />
        </>
      )}
    </QueryView>
  );
}

interface Row {
  key: number;
}
interface LinkRow extends Row {
  kind: InterventionContent["links"][number]["kind"];
}

const EMPTY: InterventionContent = {
  title: "",
  summary: "",
  description: "",
  orientation: "individual",
  focusArea: "",
  targetGroups: [],
  targetGroupNote: null,
  memberParties: [],
  municipalityCodes: [],
  startDate: null,
  endDate: null,
  status: "planned",
  followUpMethod: null,
  esfFunded: false,
  budget: [],
  goals: {
    resultGoalPercent: null,
    resultGoalWithinMonths: null,
    volumeGoalParticipants: null,
    plannedThroughputMonths: null,
  },
  methods: [],
  links: [],
  contacts: [],
};

const MEMBER_PARTIES = ["fk", "af", "region", "kommun"] as const;
const STATUSES = ["planned", "ongoing", "ended", "regular_operations"] as const;
const LINK_KINDS = ["evaluation", "study_visit", "other"] as const;

/** The API names content fields `body.content.<field>`; the form's fields are named by `<field>` alone. */
const byError = new WeakMap<object, Record<string, string>>();
function contentFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return fieldErrors(error);
  let out = byError.get(error);
  if (!out) {
    out = {};
    for (const [field, message] of Object.entries(fieldErrors(error))) {
      out[field.replace(/^content\./, "")] ??= message;
    }
    byError.set(error, out);
  }
  return out;
}

/** "12,5" or "12.5" → 12.5; empty → null; anything else → NaN (reported beside the field). */
function decimal(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "")
    .trim()
    .replace(",", ".");
  if (text === "") return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

function InterventionForm({
  orgId,
  initial,
  etag,
  onReload,
}: {
  orgId: string;
  initial?: Intervention;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation("catalog");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const can = usePermissions(orgId);
  const vocab = useQuery(vocabulariesQuery);
  const counties = useQuery(countiesQuery);
  const siblings = useQuery(interventionsPageQuery(orgId, "all"));
  const content = initial?.content ?? EMPTY;
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [orientation, setOrientation] = useState(content.orientation);
  const [focusArea, setFocusArea] = useState<string | null>(content.focusArea || null);
  const [targetGroups, setTargetGroups] = useState(content.targetGroups);
  const [memberParties, setMemberParties] = useState<string[]>(content.memberParties);
  const [kommuner, setKommuner] = useState(content.municipalityCodes);
  const [shownCounties, setShownCounties] = useState<string[]>(() =>
    [...new Set(content.municipalityCodes.map(countyOfMunicipality))].sort(),
  );
  const [status, setStatus] = useState<string>(content.status);
  const [esf, setEsf] = useState(content.esfFunded);
  const [methods, setMethods] = useState(content.methods);
  const [parentId, setParentId] = useState<string>(initial?.parentId ?? "none");
  const [nextKey, setNextKey] = useState(1000);
  const [budgetRows, setBudgetRows] = useState<Row[]>(() => content.budget.map((_, i) => ({ key: i })));
  const [linkRows, setLinkRows] = useState<LinkRow[]>(() =>
    content.links.map((l, i) => ({ key: i, kind: l.kind })),
  );
  const [contactRows, setContactRows] = useState<Row[]>(() => content.contacts.map((_, i) => ({ key: i })));
  const [announcement, setAnnouncement] = useState("");
  const newKey = () => {
    setNextKey((k) => k + 1);
    return nextKey;
  };

  const save = useMutation({
    mutationFn: async ({
      local,
      ...body
    }: {
      parentId: string | null;
      content: InterventionContent;
      local: Record<string, string>;
    }) => {
      if (Object.keys(local).length > 0) throw localProblem(local, t("form.badInput"));
      if (initial) {
        return call(
          api.PUT("/orgs/{orgId}/interventions/{interventionId}", {
            params: {
              path: { orgId, interventionId: initial.id },
              header: etag ? { "if-match": etag } : {},
            },
            body,
          }),
        );
      }
      return call(
        api.POST("/orgs/{orgId}/interventions", {
          params: { path: { orgId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      );
    },
    onSuccess: async (saved) => {
      await invalidateIntervention(queryClient, orgId, saved.id);
      await navigate({
        to: "/o/$orgId/interventions/$interventionId",
        params: { orgId, interventionId: saved.id },
        state: { interventionSaved: true } as never,
      });
    },
  });

  const validationErrors = contentFieldErrors(save.error);
  const stale = save.error instanceof ApiError && save.error.status === 412;

  if (can.size > 0 && !can.has("interventions:write"))
    return <p className="notice">{t("form.notAllowed")}</p>;

  const focusOptions = (vocab.data?.focusAreas ?? [])
    .filter((f) => f.orientation === orientation)
    .map((f) => ({ id: f.code, label: f.labelSv }));
  const countyName = (code: string) => counties.data?.find((c) => c.code === code)?.name ?? code;
  const parents = (siblings.data?.data ?? []).filter(
    (i) => i.organizationId === orgId && i.id !== initial?.id && i.parentId === null,
  );

  return (
    <ServerForm
      error={save.error}
      onEdit={save.reset}
      validationErrors={validationErrors}
      aria-label={initial ? t("form.editTitle", { title: content.title }) : t("form.newTitle")}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? "").trim();
        const errors: Record<string, string> = {};
        const budget = budgetRows.map((_, i) => {
          const amountOre = parseKronor(text(`budget.${i}.amountOre`));
          if (amountOre === null) errors[`budget.${i}.amountOre`] = t("form.badAmount");
          return {
            year: Number(text(`budget.${i}.year`)),
            amountOre: amountOre ?? 0,
            financingParties: text(`budget.${i}.financingParties`)
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean),
          };
        });
        const goals = {
          resultGoalPercent: decimal(data.get("goals.resultGoalPercent")),
          resultGoalWithinMonths: decimal(data.get("goals.resultGoalWithinMonths")),
          volumeGoalParticipants: decimal(data.get("goals.volumeGoalParticipants")),
          plannedThroughputMonths: decimal(data.get("goals.plannedThroughputMonths")),
        };
        for (const [key, value] of Object.entries(goals))
          if (Number.isNaN(value)) errors[`goals.${key}`] = t("form.badNumber");
        save.mutate({
          local: errors,
          parentId: parentId === "none" ? null : parentId,
          content: {
            title: text("title"),
            summary: text("summary"),
            description: String(data.get("description") ?? ""),
            orientation,
            focusArea: focusArea ?? "",
            targetGroups,
            targetGroupNote: optional(data.get("targetGroupNote")),
            memberParties: memberParties as InterventionContent["memberParties"],
            municipalityCodes: [...kommuner].sort(),
            startDate: optional(data.get("startDate")),
            endDate: optional(data.get("endDate")),
            status: status as InterventionContent["status"],
            followUpMethod: optional(data.get("followUpMethod")),
            esfFunded: esf,
            budget,
            goals,
            methods,
            links: linkRows.map((row, i) => ({
              kind: row.kind,
              title: text(`links.${i}.title`),
              url: text(`links.${i}.url`),
            })),
            contacts: contactRows.map((_, i) => ({
              name: text(`contacts.${i}.name`),
              role: text(`contacts.${i}.role`),
              email: optional(data.get(`contacts.${i}.email`)),
              phone: optional(data.get(`contacts.${i}.phone`)),
            })),
          },
        });
      }}
    >
      <p className="muted">{t("form.requiredNote")}</p>
      <Section legend={t("form.basics")}>
        <TextField name="title" label={t("form.title")} defaultValue={content.title} isRequired />
        <TextAreaField
          name="summary"
          label={t("form.summary")}
          description={t("form.summaryHint")}
          defaultValue={content.summary}
          isRequired
        />
        <TextAreaField
          name="description"
          label={t("form.description")}
          description={t("form.descriptionHint")}
          defaultValue={content.description}
        />
        {parents.length > 0 ? (
          <SelectField
            name="parentId"
            label={t("form.parent")}
            description={t("form.parentHint")}
            options={[
              { id: "none", label: t("form.noParent") },
              ...parents.map((p) => ({ id: p.id, label: p.content.title })),
            ]}
            value={parentId}
            onChange={setParentId}
          />
        ) : null}
      </Section>

      <Section legend={t("form.orientationHeading")}>
        <div className="form-row">
          <SelectField
            name="orientation"
            label={t("form.orientation")}
            options={(["individual", "structural"] as const).map((o) => ({
              id: o,
              label: t(`orientation.${o}`),
            }))}
            value={orientation}
            onChange={(value) => {
              const next = value as InterventionContent["orientation"];
              if (next !== orientation) setFocusArea(null);
              setOrientation(next);
            }}
            isRequired
          />
          <SelectField
            name="focusArea"
            label={t("form.focusArea")}
            options={focusOptions}
            value={focusArea}
            onChange={setFocusArea}
            isRequired
          />
        </div>
        <CheckboxGroupField
          name="targetGroups"
          label={t("form.targetGroups")}
          options={(vocab.data?.targetGroups ?? []).map((g) => ({ id: g.code, label: g.labelSv }))}
          value={targetGroups}
          onChange={setTargetGroups}
        />
        <TextAreaField
          name="targetGroupNote"
          label={t("form.targetGroupNote")}
          defaultValue={content.targetGroupNote ?? ""}
        />
      </Section>

      <Section legend={t("form.area")}>
        <CheckboxGroupField
          name="memberParties"
          label={t("form.memberParties")}
          options={MEMBER_PARTIES.map((p) => ({ id: p, label: t(`memberParty.${p}`) }))}
          value={memberParties}
          onChange={setMemberParties}
        />
        <p className="muted" style={{ margin: 0 }} id="municipalities-count">
          {t("form.municipalities")}: {t("form.selectedMunicipalities", { count: kommuner.length })}
        </p>
        <SelectField
          label={t("form.addCounty")}
          options={(counties.data ?? [])
            .filter((c) => !shownCounties.includes(c.code))
            .map((c) => ({ id: c.code, label: c.name }))}
          value={null}
          onChange={(code) => {
            setShownCounties((current) => [code, ...current.filter((c) => c !== code)]);
            setAnnouncement(countyName(code));
          }}
        />
        {shownCounties.map((code) => (
          <KommunGroup
            key={code}
            countyCode={code}
            name={`municipalityCodes-${code}`}
            label={`${t("form.municipalities")}: ${countyName(code)}`}
            description={(count) => t("form.selectedMunicipalities", { count })}
            loadingLabel={t("form.municipalities")}
            selected={kommuner}
            onChange={(county, selected) =>
              setKommuner((current) => [
                ...current.filter((c) => countyOfMunicipality(c) !== county),
                ...selected,
              ])
            }
          />
        ))}
      </Section>

      <Section legend={t("form.period")}>
        <div className="form-row">
          <TextField
            name="startDate"
            type="date"
            label={t("form.startDate")}
            defaultValue={content.startDate ?? ""}
          />
          <TextField
            name="endDate"
            type="date"
            label={t("form.endDate")}
            description={t("form.endDateHint")}
            defaultValue={content.endDate ?? ""}
          />
          <SelectField
            name="status"
            label={t("form.status")}
            options={STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={setStatus}
            isRequired
          />
        </div>
        <TextField
          name="followUpMethod"
          label={t("form.followUpMethod")}
          description={t("form.followUpHint")}
          defaultValue={content.followUpMethod ?? ""}
        />
        <CheckboxField isSelected={esf} onChange={setEsf}>
          {t("form.esf")}
        </CheckboxField>
      </Section>

      <Section legend={t("form.budget")}>
        <p className="muted" style={{ margin: 0 }}>
          {t("form.budgetIntro")}
        </p>
        {budgetRows.map((row, i) => {
          const line = content.budget[row.key];
          return (
            <fieldset className="repeat-row" key={row.key}>
              <legend>{t("form.budgetRow", { n: i + 1 })}</legend>
              <div className="form-row">
                <TextField
                  name={`budget.${i}.year`}
                  label={t("form.year")}
                  inputMode="numeric"
                  defaultValue={line ? String(line.year) : ""}
                  isRequired
                />
                <TextField
                  name={`budget.${i}.amountOre`}
                  label={t("form.amount")}
                  inputMode="decimal"
                  defaultValue={line ? formatKronor(line.amountOre).replace(/\s*kr$/, "") : ""}
                  isRequired
                />
              </div>
              <TextField
                name={`budget.${i}.financingParties`}
                label={t("form.financingParties")}
                description={t("form.financingHint")}
                defaultValue={line ? line.financingParties.join(", ") : ""}
              />
              <div>
                <Button
                  variant="secondary"
                  className="btn-small"
                  onPress={() => setBudgetRows((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  {t("form.removeBudget", { n: i + 1 })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div>
          <Button variant="secondary" onPress={() => setBudgetRows((rows) => [...rows, { key: newKey() }])}>
            {t("form.addBudget")}
          </Button>
        </div>
      </Section>

      <Section legend={t("form.goals")}>
        <div className="form-row">
          {(
            [
              "resultGoalPercent",
              "resultGoalWithinMonths",
              "volumeGoalParticipants",
              "plannedThroughputMonths",
            ] as const
          ).map((goal) => (
            <TextField
              key={goal}
              name={`goals.${goal}`}
              label={t(`form.${goal}`)}
              inputMode="decimal"
              defaultValue={content.goals[goal] === null ? "" : String(content.goals[goal]).replace(".", ",")}
            />
          ))}
        </div>
        <CheckboxGroupField
          name="methods"
          label={t("form.methods")}
          options={(vocab.data?.methods ?? []).map((m) => ({ id: m.code, label: m.labelSv }))}
          value={methods}
          onChange={setMethods}
        />
      </Section>

      <Section legend={t("form.links")}>
        <p className="muted" style={{ margin: 0 }}>
          {t("form.linksIntro")}
        </p>
        {linkRows.map((row, i) => {
          const link = content.links[row.key];
          return (
            <fieldset className="repeat-row" key={row.key}>
              <legend>{t("form.linkRow", { n: i + 1 })}</legend>
              <SelectField
                label={t("form.linkKind")}
                options={LINK_KINDS.map((k) => ({ id: k, label: t(`linkKind.${k}`) }))}
                value={row.kind}
                onChange={(kind) =>
                  setLinkRows((rows) =>
                    rows.map((r) => (r.key === row.key ? { ...r, kind: kind as LinkRow["kind"] } : r)),
                  )
                }
                isRequired
              />
              <div className="form-row">
                <TextField
                  name={`links.${i}.title`}
                  label={t("form.linkTitle")}
                  defaultValue={link?.title ?? ""}
                  isRequired
                />
                <TextField
                  name={`links.${i}.url`}
                  type="url"
                  label={t("form.linkUrl")}
                  defaultValue={link?.url ?? ""}
                  isRequired
                />
              </div>
              <div>
                <Button
                  variant="secondary"
                  className="btn-small"
                  onPress={() => setLinkRows((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  {t("form.removeLink", { n: i + 1 })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div>
          <Button
            variant="secondary"
            onPress={() => setLinkRows((rows) => [...rows, { key: newKey(), kind: "evaluation" }])}
          >
            {t("form.addLink")}
          </Button>
        </div>
      </Section>

      <Section legend={t("form.contacts")}>
        {contactRows.map((row, i) => {
          const contact = content.contacts[row.key];
          return (
            <fieldset className="repeat-row" key={row.key}>
              <legend>{t("form.contactRow", { n: i + 1 })}</legend>
              <div className="form-row">
                <TextField
                  name={`contacts.${i}.name`}
                  label={t("form.contactName")}
                  defaultValue={contact?.name ?? ""}
                  isRequired
                />
                <TextField
                  name={`contacts.${i}.role`}
                  label={t("form.contactRole")}
                  defaultValue={contact?.role ?? ""}
                />
                <TextField
                  name={`contacts.${i}.email`}
                  type="email"
                  label={t("form.contactEmail")}
                  defaultValue={contact?.email ?? ""}
                />
                <TextField
                  name={`contacts.${i}.phone`}
                  type="tel"
                  label={t("form.contactPhone")}
                  defaultValue={contact?.phone ?? ""}
                />
              </div>
              <div>
                <Button
                  variant="secondary"
                  className="btn-small"
                  onPress={() => setContactRows((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  {t("form.removeContact", { n: i + 1 })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div>
          <Button variant="secondary" onPress={() => setContactRows((rows) => [...rows, { key: newKey() }])}>
            {t("form.addContact")}
          </Button>
        </div>
      </Section>

      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {stale ? (
        <div className="form-error" role="alert">
          <p>{t("form.stale")}</p>
          <Button
            variant="secondary"
            onPress={async () => {
              // The fresh copy has a new version, which mounts a fresh form with its values.
              await onReload?.();
              save.reset();
            }}
          >
            {t("form.reload")}
          </Button>
        </div>
      ) : (
        <FormError error={save.error} />
      )}
      <div>
        <Button type="submit" isDisabled={save.isPending}>
          {initial ? t("form.save") : t("form.create")}
        </Button>
      </div>
    </ServerForm>
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="card form-section">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
