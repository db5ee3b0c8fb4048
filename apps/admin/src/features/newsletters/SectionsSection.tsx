import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { type Feedback, FeedbackRegion } from "../../components/Feedback";
import { Badge, Button, RowButton } from "../../components/ui";
import { problemText } from "../../lib/api";
import {
  type Issue,
  type Section,
  useAddSection,
  useApproveSection,
  useDeleteSection,
  useOrderSections,
  useUpdateSection,
} from "./api";
import { SectionForm } from "./SectionForm";
import "./i18n";

type Direction = "up" | "down";

/**
 * Where focus goes once the list has re-rendered: a moved section's move button (once the section stands
 * at `index`), another section itself, or (`null`) the list's heading.
 */
type FocusTarget = { sectionId: string; direction?: Direction; index?: number } | { sectionId: null };

const ADD_BUTTON = "newsletter-add-section";
const articleId = (sectionId: string) => `newsletter-section-${sectionId}`;
const moveId = (sectionId: string, direction: Direction) => `newsletter-section-${sectionId}-${direction}`;

/**
 * The issue's sections in order. Each förbund writes, changes, approves and deletes its own; the owner
 * moves them up and down. After every step focus is put back on the section acted on (the list is
 * re-rendered from the API's answer), so a keyboard user keeps their place; the outcome is announced
 * without taking focus from there (`keepFocus`), failures take focus as everywhere.
 */
export function SectionsSection({
  orgId,
  issue,
  isOwner,
  write,
  feedback,
  onFeedback,
}: {
  orgId: string;
  issue: Issue;
  isOwner: boolean;
  write: boolean;
  feedback: Feedback;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const editable = write && issue.canEdit;
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const order = useOrderSections(orgId, issue);
  const add = useAddSection(orgId, issue);
  const total = issue.sections.length;

  // The answer to a write may be rendered a moment after the write's callback: until the section is on
  // the page, the target is kept and tried again with the next render of the issue.
  useEffect(() => {
    if (!focus) return;
    let target: HTMLElement | null;
    if (focus.sectionId === null) {
      target = headingRef.current;
    } else {
      const { sectionId, index } = focus;
      if (index !== undefined && issue.sections.findIndex((s) => s.id === sectionId) !== index) return;
      const sameButton = focus.direction
        ? document.getElementById(moveId(focus.sectionId, focus.direction))
        : null;
      const otherButton = focus.direction
        ? document.getElementById(moveId(focus.sectionId, focus.direction === "up" ? "down" : "up"))
        : null;
      const usable = [sameButton, otherButton].find(
        (element): element is HTMLElement => element !== null && !element.hasAttribute("disabled"),
      );
      target = usable ?? document.getElementById(articleId(focus.sectionId));
    }
    if (!target) return;
    target.focus();
    setFocus(null);
  }, [focus, issue]);

  const move = (section: Section, direction: Direction) => {
    const ids = issue.sections.map((s) => s.id);
    const from = ids.indexOf(section.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    ids.splice(from, 1);
    ids.splice(to, 0, section.id);
    order.mutate(ids, {
      onSuccess: () => {
        setFocus({ sectionId: section.id, direction, index: to });
        onFeedback({
          kind: "success",
          text: t("sections.moved", { heading: section.heading, position: to + 1, total }),
          keepFocus: true,
        });
      },
      onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
    });
  };

  return (
    <section className="card" aria-labelledby="sections-heading">
      <h2 id="sections-heading" ref={headingRef} tabIndex={-1}>
        {t("sections.heading")}
      </h2>
      <p>{t("sections.intro")}</p>
      <FeedbackRegion feedback={feedback} />
      {total === 0 ? <p className="muted">{t("sections.empty")}</p> : null}
      <ol className="newsletter-sections">
        {issue.sections.map((section, index) => (
          <li key={section.id}>
            {editing === section.id ? (
              <EditSection
                orgId={orgId}
                issue={issue}
                section={section}
                onDone={(saved) => {
                  setEditing(null);
                  setFocus({ sectionId: section.id });
                  if (saved)
                    onFeedback({
                      kind: "success",
                      text: t("sections.saved", { heading: saved }),
                      keepFocus: true,
                    });
                }}
              />
            ) : (
              <SectionCard
                orgId={orgId}
                issue={issue}
                section={section}
                position={index + 1}
                total={total}
                mayEdit={editable && section.mine}
                mayMove={editable && isOwner && total > 1}
                isMoving={order.isPending}
                onEdit={() => setEditing(section.id)}
                onMove={(direction) => move(section, direction)}
                onFocus={setFocus}
                onFeedback={onFeedback}
              />
            )}
          </li>
        ))}
      </ol>
      {editable ? (
        adding ? (
          <div className="newsletter-new-section">
            <h3>{t("sections.addHeading")}</h3>
            <SectionForm
              error={add.error}
              onEdit={add.reset}
              isPending={add.isPending}
              submitLabel={t("sectionForm.add")}
              onCancel={() => {
                setAdding(false);
                add.reset();
                requestAnimationFrame(() => document.getElementById(ADD_BUTTON)?.focus());
              }}
              onSubmit={(body) =>
                add.mutate(body, {
                  onSuccess: (updated) => {
                    const known = new Set(issue.sections.map((s) => s.id));
                    const created = updated.sections.find((s) => !known.has(s.id));
                    setAdding(false);
                    add.reset();
                    if (created) setFocus({ sectionId: created.id });
                    onFeedback({
                      kind: "success",
                      text: t("sections.added", { heading: body.heading }),
                      keepFocus: true,
                    });
                  },
                })
              }
            />
          </div>
        ) : (
          <Button id={ADD_BUTTON} onPress={() => setAdding(true)}>
            {t("sections.add")}
          </Button>
        )
      ) : null}
    </section>
  );
}

function SectionCard({
  orgId,
  issue,
  section,
  position,
  total,
  mayEdit,
  mayMove,
  isMoving,
  onEdit,
  onMove,
  onFocus,
  onFeedback,
}: {
  orgId: string;
  issue: Issue;
  section: Section;
  position: number;
  total: number;
  mayEdit: boolean;
  mayMove: boolean;
  isMoving: boolean;
  onEdit: () => void;
  onMove: (direction: Direction) => void;
  onFocus: (target: FocusTarget) => void;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const approve = useApproveSection(orgId, issue, section);
  const remove = useDeleteSection(orgId, issue, section);
  const heading = section.heading;
  const titleId = `${articleId(section.id)}-title`;
  return (
    <article
      id={articleId(section.id)}
      className="newsletter-section"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <header className="newsletter-section-top">
        <div>
          <p className="muted newsletter-section-position">{t("sections.position", { position, total })}</p>
          <h3 id={titleId}>{heading}</h3>
          <p className="muted">{t("sections.author", { name: section.authorOrganizationName })}</p>
        </div>
        {section.approvedAt ? (
          <Badge tone="success">{t("sections.approved")}</Badge>
        ) : (
          <Badge tone="warning">{t("sections.notApproved")}</Badge>
        )}
      </header>
      {section.bodyMarkdown.trim() ? (
        <div className="newsletter-section-body">{section.bodyMarkdown}</div>
      ) : (
        <p className="muted">{t("sections.noBody")}</p>
      )}
      {section.image ? <p>{t("sections.image", { alt: section.image.alt })}</p> : null}
      {section.links.length > 0 ? (
        <>
          <p className="newsletter-links-label">{t("sections.links")}</p>
          <ul>
            {section.links.map((link) => (
              <li key={`${link.label}:${link.url}`} style={{ overflowWrap: "anywhere" }}>
                {link.label} <span className="muted">({link.url})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayEdit || mayMove ? (
        <div className="cell-actions">
          {mayMove ? (
            <>
              <RowButton
                id={moveId(section.id, "up")}
                label={t("sections.moveUp")}
                aria-label={t("sections.moveUpLabel", { heading })}
                isDisabled={position === 1}
                isPending={isMoving}
                onPress={() => onMove("up")}
              />
              <RowButton
                id={moveId(section.id, "down")}
                label={t("sections.moveDown")}
                aria-label={t("sections.moveDownLabel", { heading })}
                isDisabled={position === total}
                isPending={isMoving}
                onPress={() => onMove("down")}
              />
            </>
          ) : null}
          {mayEdit ? (
            <>
              <RowButton
                label={t("sections.edit")}
                aria-label={t("sections.editLabel", { heading })}
                onPress={onEdit}
              />
              {section.approvedAt ? null : (
                <RowButton
                  variant="primary"
                  label={t("sections.approve")}
                  aria-label={t("sections.approveLabel", { heading })}
                  isPending={approve.isPending}
                  onPress={() =>
                    approve.mutate(undefined, {
                      onSuccess: () => {
                        onFocus({ sectionId: section.id });
                        onFeedback({
                          kind: "success",
                          text: t("sections.approvedDone", { heading }),
                          keepFocus: true,
                        });
                      },
                      onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
                    })
                  }
                />
              )}
              <ConfirmDialog
                trigger={
                  <RowButton
                    variant="danger"
                    label={t("sections.remove")}
                    aria-label={t("sections.removeLabel", { heading })}
                  />
                }
                title={t("sections.removeTitle", { heading })}
                confirmLabel={t("sections.remove")}
                isPending={remove.isPending}
                onConfirm={async () => {
                  await remove.mutateAsync();
                  onFocus({ sectionId: null });
                  onFeedback({ kind: "success", text: t("sections.removed", { heading }), keepFocus: true });
                }}
              >
                <p>{t("sections.removeBody")}</p>
              </ConfirmDialog>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function EditSection({
  orgId,
  issue,
  section,
  onDone,
}: {
  orgId: string;
  issue: Issue;
  section: Section;
  onDone: (savedHeading: string | null) => void;
}) {
  const { t } = useTranslation("newsletters");
  const update = useUpdateSection(orgId, issue, section);
  return (
    <div className="newsletter-section newsletter-section-editing">
      <h3>{t("sections.editLabel", { heading: section.heading })}</h3>
      <SectionForm
        initial={section}
        error={update.error}
        onEdit={update.reset}
        isPending={update.isPending}
        submitLabel={t("sectionForm.save")}
        onCancel={() => onDone(null)}
        onSubmit={(body) => update.mutate(body, { onSuccess: () => onDone(body.heading) })}
      />
    </div>
  );
}
