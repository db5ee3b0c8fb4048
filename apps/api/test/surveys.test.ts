import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem } from "./client.js";
import { useTestApp } from "./helpers.js";
import { inOrg, inTraining, plannedTraining, registerParticipants, transition } from "./training-fixtures.js";

const env = useTestApp();

/**
 * A planned shared training with a's Person 1 (both sessions, the training day then cancelled), Person 2
 * (both) and Person 3 (the training day, moved up from the queue), and b's Person 1 (the training day)
 * and a kick-off seat for a's Person 2's address: three on the training day's roster, five registered.
 */
async function trainingWithRoster() {
  const f = await plannedTraining(env);
  const { first } = await registerParticipants(env, f);
  const registrationId = expectData(first, 201).registrations.find((r) => r.sessionId === f.trainingSession)
    ?.id as string;
  expectData(
    await (await f.a.signIn("editor")).POST(
      "/orgs/{orgId}/trainings/{trainingId}/registrations/{registrationId}/cancel",
      {
        params: { path: { orgId: f.a.org.id, trainingId: f.trainingId, registrationId } },
      },
    ),
  );
  return f;
}

describe("attendance, completion and the survey", () => {
  it("lets only the assigned trainer take attendance, then completes with a survey and follow-up figures", async () => {
    const f = await trainingWithRoster();
    const { nns, b, trainingId, trainingSession, kickoff } = f;
    const trainer = f.trainer.client;
    const inSession = { params: { path: { orgId: env.nns.id, trainingId, sessionId: trainingSession } } };
    const roster = expectData(
      await trainer.GET("/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/roster", inSession),
    );
    expect(roster.data).toHaveLength(3);
    expectProblem(await trainer.GET("/orgs/{orgId}/trainings", inOrg(env.nns.id)), 403, "forbidden");
    const mine = expectData(await trainer.GET("/orgs/{orgId}/my-sessions", inOrg(env.nns.id)));
    expect(mine.data.map((s) => s.sessionId).sort()).toEqual([kickoff, trainingSession].sort());
    const entries = roster.data.map((r, i) => ({ registrationId: r.registrationId, attended: i < 2 }));
    const attendance = () =>
      trainer.PUT("/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/attendance", {
        ...inSession,
        body: { entries },
      });
    // Attendance is taken once the session has begun.
    expectProblem(await attendance(), 409, "conflict");
    expectData(await transition(nns, env.nns.id, trainingId, "confirm"));
    expectProblem(await transition(nns, env.nns.id, trainingId, "complete"), 409, "conflict");
    // Time passes: the sessions are over.
    await env.t.db.ownerSql(
      "update training_sessions set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days' where training_id = $1",
      [trainingId],
    );
    expectData(await attendance());
    const completed = expectData(await transition(nns, env.nns.id, trainingId, "complete"));
    expect(completed.status).toBe("completed");
    // A completed training's attendance and cost rule are frozen.
    expectProblem(await attendance(), 409, "conflict");
    expectProblem(
      await nns.PATCH("/orgs/{orgId}/trainings/{trainingId}", {
        ...inTraining(env.nns.id, trainingId),
        body: { costSplitRule: "equal" },
      }),
      409,
      "conflict",
    );
    const surveys = await env.t.db.ownerSql(
      "select to_address, text_body from emails where template = 'training_survey' order by to_address",
    );
    expect(surveys).toHaveLength(2);
    const token = /#([a-z2-7]{48})/.exec(String(surveys[0]?.text_body))?.[1] as string;
    const anonymous = new Client(env);
    const survey = expectData(await anonymous.POST("/surveys/lookup", { body: { token } }));
    expect(survey).toMatchObject({ trainingTitle: "BIP/SKAPA Halland och Jönköping", answered: false });
    expectProblem(
      await anonymous.POST("/surveys/answer", { body: { token, scores: { overall: 9 } } }),
      400,
      "validation_failed",
    );
    const answered = await anonymous.POST("/surveys/answer", {
      body: { token, scores: { overall: 5, content: 4 }, comment: "Lärorikt" },
    });
    expect(answered.response.status).toBe(204);
    expectProblem(
      await anonymous.POST("/surveys/answer", { body: { token, scores: { overall: 1 } } }),
      409,
      "conflict",
    );
    expectProblem(
      await anonymous.POST("/surveys/lookup", { body: { token: "a".repeat(32) } }),
      410,
      "token_invalid",
    );
    const FOLLOW_UP = "/orgs/{orgId}/trainings/{trainingId}/follow-up";
    const figures = expectData(await nns.GET(FOLLOW_UP, inTraining(env.nns.id, trainingId)));
    // a's Person 1 and b's second person hold kick-off seats only; they count as registered too.
    expect(figures).toMatchObject({ registered: 5, attended: 2, surveysSent: 2 });
    expect(figures.satisfaction).toEqual({
      responses: 1,
      averages: null,
      distribution: null,
      comments: null,
    });
    expect(figures.attendedWomen + figures.attendedMen + figures.attendedOtherOrNotStated).toBe(2);
    const own = expectData(await (await b.signIn("admin")).GET(FOLLOW_UP, inTraining(b.org.id, trainingId)));
    expect(own.byOrganization.map((o) => o.organizationId)).toEqual([b.org.id]);
  });
});
