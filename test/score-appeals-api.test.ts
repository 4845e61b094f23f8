import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';
import { uploadText } from './helpers/graphql.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describe('公示与申诉 through the API', () => {
  let stack: TestStack;
  let tokens: Record<'supervisor' | 'legal' | 'market' | 'performance', string>;

  const run = async (query: string, token: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await stack.api.request(query, variables, token);
    if (errors) return { __typename: 'GraphQLError', message: errors[0]!.message } as Record<string, any>;
    return Object.values(data)[0] as Record<string, any>;
  };
  const upload = (name: string, content: string, token: string) => uploadText(stack.base, token, name, content);
  const appeal = (sheet: string, bodyId: string, evidence: string[] = []) =>
    `mutation { appealScoreLine(input: { sheetId: "${sheet}", bodyId: "${bodyId}", criterion: "report", source: "evaluation:2016/${bodyId}", reason: "报告已于截止前报送，见回执", evidence: ${JSON.stringify(evidence)} }) {
      __typename ... on MutationAppealScoreLineSuccess { data { id appealId bodyName status detail points evidence { name url } } } ... on Error { message } } }`;
  const sheetFields = 'id version status announcedAt availableActions scores { bodyId score breakdown { criterion deductions { source points withdrawn } } } appealWindow { windowId status appealWorkingDays closesAt closesAtProvisional availableActions appeals { appealId status } }';

  beforeAll(async () => {
    stack = await startTestStack();
    const names = ['supervisor', 'legal', 'market', 'performance'] as const;
    tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await stack.api.login(n)]))) as typeof tokens;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows the reviewed sheet to each unit, takes its appeal on its own line with evidence, and lets the performance office correct it in a new version', async () => {
    // 2016's reports are all missing (due 2016-12-15): every reporting unit has a −10 line.
    expect(await run('mutation { openEvaluationRound(year: 2016) { __typename } }', tokens.supervisor)).toEqual({ __typename: 'MutationOpenEvaluationRoundSuccess' });
    await eventually(async () => expect(await stack.db.prisma.unitReport.count({ where: { roundId: 'evaluation:2016' } })).toBe(reportingUnits(tianjinBodies).length));
    const computed = await run('mutation { computeScores(year: 2016) { __typename ... on MutationComputeScoresSuccess { data { id } } } }', tokens.performance);
    const sheet = computed.data.id as string;
    const announce = `mutation { announceScoreSheet(id: "${sheet}") { __typename ... on MutationAnnounceScoreSheetSuccess { data { ${sheetFields} } } ... on Error { message } } }`;
    expect(await run(announce, tokens.performance)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('Cannot announce a sheet that is draft') });
    expect(await run(announce, tokens.market)).toMatchObject({ __typename: 'GraphQLError' });
    await run(`mutation { reviewScoreSheet(id: "${sheet}") { __typename } }`, tokens.performance);
    // A draft or reviewed sheet is the office's alone.
    expect(await run('{ scoreSheets(year: 2016) { id } }', tokens.legal)).toEqual([]);

    const announced = await run(announce, tokens.performance);
    expect(announced.data).toMatchObject({ status: 'announced', availableActions: [], appealWindow: { windowId: '2016v1', status: 'open', appealWorkingDays: 5, availableActions: [], appeals: [] } });
    expect(Date.parse(announced.data.appealWindow.closesAt)).toBeGreaterThan(Date.now() + 4 * 86_400_000);
    // One window at a time for a year.
    const second = await run('mutation { computeScores(year: 2016) { __typename ... on MutationComputeScoresSuccess { data { id } } } }', tokens.performance);
    await run(`mutation { reviewScoreSheet(id: "${second.data.id}") { __typename } }`, tokens.performance);
    expect(await run(`mutation { announceScoreSheet(id: "${second.data.id}") { __typename ... on Error { message } } }`, tokens.performance))
      .toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('already announced') });

    // Each unit with lines hears of the announcement in its inbox, with a link to the scores page.
    const inbox = (token: string) => run('{ notifications(first: 20) { edges { node { kind title link } } } }', token).then((c) => c.edges.map((e: { node: unknown }) => e.node));
    await eventually(async () => expect(await inbox(tokens.legal)).toContainEqual({ kind: 'scores', title: '【评分公示】2016 年度绩效评分', link: '/scores' }));

    // The unit sees its own line of the announced sheet, with the window it may appeal in.
    const seen = await run(`{ scoreSheets(year: 2016) { ${sheetFields} } }`, tokens.legal);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: sheet, status: 'announced', appealWindow: { status: 'open', availableActions: ['appeal'] } });
    expect(seen[0].scores).toEqual([expect.objectContaining({ bodyId: 'legal-affairs-office', score: 90 })]);

    // Its own lines only; another unit's line is refused for who asks, in both languages.
    expect(await run(appeal(sheet, 'market-commission'), tokens.legal)).toMatchObject({ __typename: 'ForbiddenError', message: '只有被扣分的单位可以对本单位的扣分提出申诉。 Only a unit appeals, and only its own lines.' });
    expect(await run(appeal(sheet, 'legal-affairs-office'), tokens.performance)).toMatchObject({ __typename: 'GraphQLError' });
    const receipt = await upload('报送回执.txt', '2016-12-14 报送回执', tokens.legal);
    const filed = await run(appeal(sheet, 'legal-affairs-office', [receipt]), tokens.legal);
    expect(filed).toMatchObject({
      __typename: 'MutationAppealScoreLineSuccess',
      data: { appealId: '2016v1#1', bodyName: '市法制办', status: 'pending', points: 10, detail: expect.stringContaining('未报送'), evidence: [{ name: '报送回执.txt', url: `/attachments/${receipt}` }] },
    });
    expect(await run(appeal(sheet, 'legal-affairs-office'), tokens.legal)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('already been appealed') });

    // The performance office sees the appeal and its evidence; another unit sees neither.
    const listed = await run('{ scoreAppeals(year: 2016) { appealId bodyId reason status availableActions evidence { url } } }', tokens.performance);
    expect(listed).toEqual([{ appealId: '2016v1#1', bodyId: 'legal-affairs-office', reason: '报告已于截止前报送，见回执', status: 'pending', availableActions: ['uphold', 'correct'], evidence: [{ url: `/attachments/${receipt}` }] }]);
    expect(await run('{ scoreAppeals { appealId } }', tokens.market)).toEqual([]);
    const get = (token: string) => fetch(`${stack.base}/attachments/${receipt}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await get(tokens.performance)).toBe(200);
    expect(await get(tokens.market)).not.toBe(200);

    // Not published while units may still appeal.
    expect(await run(`mutation { publishScoreSheet(id: "${sheet}") { __typename ... on Error { message } } }`, tokens.performance))
      .toMatchObject({ __typename: 'InvalidTransitionError', message: '申诉期尚未结束，不能发布。 The appeal period has not ended: the sheet cannot be published yet.' });

    // Only the performance office decides; a correction withdraws the line in a new version shown to the unit.
    const decide = (decision: string) => `mutation { decideScoreAppeal(input: { appealId: "${filed.data.id}", decision: ${decision}, reason: "回执证明已按时报送" }) {
      __typename ... on MutationDecideScoreAppealSuccess { data { status decision decidedBy correctedSheetId availableActions } } ... on Error { message } } }`;
    expect(await run(decide('correct'), tokens.legal)).toMatchObject({ __typename: 'GraphQLError' });
    expect(await run(decide('correct'), tokens.performance)).toEqual({
      __typename: 'MutationDecideScoreAppealSuccess', data: { status: 'corrected', decision: '回执证明已按时报送', decidedBy: '市绩效办 考核员', correctedSheetId: '2016v3', availableActions: [] },
    });
    expect(await run(decide('uphold'), tokens.performance)).toMatchObject({ __typename: 'InvalidTransitionError', message: expect.stringContaining('has been decided') });
    // The appealing unit hears of the decision.
    await eventually(async () => expect(await inbox(tokens.legal)).toContainEqual({ kind: 'decision', title: '【申诉结果】2016 年度绩效评分：已更正', link: '/scores' }));
    const after = await run(`{ scoreSheets(year: 2016) { ${sheetFields} } }`, tokens.legal);
    expect(after.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[globalId('ScoreSheet', '2016v3'), 'announced'], [sheet, 'superseded']]);
    expect(after[0].scores[0]).toMatchObject({ bodyId: 'legal-affairs-office', score: 100 });
    expect(after[0].scores[0].breakdown.find((c: { criterion: string }) => c.criterion === 'report').deductions).toEqual([{ source: 'evaluation:2016/legal-affairs-office', points: 10, withdrawn: true }]);
    expect(after[0].appealWindow).toMatchObject({ windowId: '2016v1', appeals: [{ appealId: '2016v1#1', status: 'corrected' }] });
    // Other units' scores are carried over unchanged.
    const others = await run(`{ node(id: "${globalId('ScoreSheet', '2016v3')}") { ... on ScoreSheet { scores { bodyId score reproduces } } } }`, tokens.performance);
    expect(others.scores.find((s: { bodyId: string }) => s.bodyId === 'market-commission')).toMatchObject({ score: 90, reproduces: true });
    expect(others.scores.every((s: { reproduces: boolean }) => s.reproduces)).toBe(true);
  });
});
