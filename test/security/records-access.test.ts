// Item 6 of the security issue: object-level access on files and personal data.
// A department downloads only files on records it may see (or that it uploaded);
// re-uploading identical bytes shows the uploader their own name and time; declared
// conflicts and their reasons reach only the supervising office and the officer's body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntity, addOfficers, addRecord, testCode } from '../helpers/credit.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { bearer, globalId, post } from './http.ts';

async function upload(base: string, token: string, name: string, content: string) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id name createdAt url } } ... on Error { message } } }', variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([content]), name);
  const response = await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { 'x-graphql-yoga-csrf': '1', ...bearer(token) } });
  const { data } = (await response.json()) as { data: { uploadAttachment: { data: { id: string; name: string; createdAt: string; url: string } } } };
  return data.uploadAttachment.data;
}

describe('object-level access', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    for (const login of ['supervisor', 'market', 'legal', 'heping', 'performance']) tokens[login] = await stack.api.login(login);
    for (let n = 1; n <= 4; n += 1) await addEntity(stack.db.prisma, n);
    await addEntity(stack.db.prisma, 9, { district: '河西区' });
    await addRecord(stack.db.prisma, 'evidence-record', testCode(1));
  });
  afterAll(() => stack?.stop());

  const download = (url: string, token: string) => fetch(`${stack.base}${url}`, { headers: bearer(token) });

  it('lets a department download only the objection evidence of cases it may see', async () => {
    const evidence = await upload(stack.base, tokens.market!, '更正证明.pdf', '%PDF-1.4 market evidence');
    const filed = await post(stack.base, `mutation ($e: [String!]) { fileObjection(input: { entityCode: "${testCode(1)}", recordId: "${globalId('CreditRecord', 'evidence-record')}", reasons: "金额有误", evidence: $e }) { __typename ... on Error { message } } }`, { e: [evidence.id] }, bearer(tokens.market!));
    expect(filed.data.fileObjection.__typename).toBe('MutationFileObjectionSuccess');
    expect((await download(evidence.url, tokens.market!)).status).toBe(200);
    expect((await download(evidence.url, tokens.supervisor!)).status).toBe(200);
    const other = await download(evidence.url, tokens.legal!);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('market evidence');
  });

  it('lets the uploader download their own file before any record refers to it, and nobody else', async () => {
    const mine = await upload(stack.base, tokens.heping!, '草稿.txt', 'heping draft only');
    expect((await download(mine.url, tokens.heping!)).status).toBe(200);
    expect((await download(mine.url, tokens.legal!)).status).toBe(404);
  });

  it('shows each uploader of identical bytes their own name and time', async () => {
    const first = await upload(stack.base, tokens.market!, '市场监管委-内部说明.txt', 'the same bytes');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await upload(stack.base, tokens.legal!, '法制办.txt', 'the same bytes');
    expect(second.name).toBe('法制办.txt');
    expect(second.createdAt).not.toBe(first.createdAt);
    const response = await download(second.url, tokens.legal!);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('法制办.txt');
    expect(await response.text()).toBe('the same bytes');
  });

  it('shows declared conflicts only to the supervising office and the officer\'s own body, on every path', async () => {
    await addOfficers(stack.db.prisma, 'market-commission', 'mc', 3);
    const declared = await post(stack.base, `mutation { declareConflict(officerId: "mc-0", entityCode: "${testCode(9)}", reason: "配偶任该公司法定代表人") { __typename ... on Error { message } } }`, {}, bearer(tokens.market!));
    expect(declared.data.declareConflict.__typename).toBe('MutationDeclareConflictSuccess');
    const announced = await post(stack.base, 'mutation { announceInspectionRound(input: { roundId: "conflicts-1", title: "抽查", date: "2026-03-01", beaconSource: "drand quicknet 第 99000000 轮", districts: ["和平区"], size: 2, checklist: [{ id: "a", text: "营业执照" }], bodies: [{ bodyId: "market-commission" }], inspectorsPerBody: 3 }) { __typename ... on MutationAnnounceInspectionRoundSuccess { data { id } } ... on Error { message } } }', {}, bearer(tokens.supervisor!));
    expect(announced.data.announceInspectionRound.__typename).toBe('MutationAnnounceInspectionRoundSuccess');
    const drawn = await post(stack.base, `mutation { drawInspectionRound(roundId: "${announced.data.announceInspectionRound.data.id}", beacon: "c0ffee") { __typename ... on Error { message } } }`, {}, bearer(tokens.supervisor!));
    expect(drawn.data.drawInspectionRound.__typename).toBe('MutationDrawInspectionRoundSuccess');
    const path = '{ inspectionRounds { sampled { inspectors { officer { id conflicts { entityCode reason } } } } } }';
    const reasons = async (login: string) => {
      const { data, errors } = await post(stack.base, path, {}, bearer(tokens[login]!));
      expect(errors).toBeUndefined();
      const officers = data.inspectionRounds.flatMap((r: any) => r.sampled.flatMap((s: any) => s.inspectors.map((i: any) => i.officer)));
      return officers.filter((o: any) => o.id === 'mc-0').flatMap((o: any) => o.conflicts.map((c: any) => c.reason));
    };
    await eventually(async () => expect((await reasons('supervisor')).length).toBeGreaterThan(0));
    expect(await reasons('market')).toContain('配偶任该公司法定代表人');
    for (const login of ['legal', 'heping', 'performance']) expect([login, await reasons(login)]).toEqual([login, []]);
  });
});
