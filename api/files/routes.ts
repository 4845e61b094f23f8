import fs from 'node:fs';
import express from 'express';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { authenticate } from '../auth/context.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import { mayDownload } from './access.ts';
import { attachmentFile, attachmentIdPattern } from '../../services/attachments.ts';
import { bodyCalendar, calendarBody } from './calendar.ts';
import { ledgerCsv, ledgerQuery, ledgerRows, ledgerWorkbook } from './ledger.ts';
import { catalogueTemplate, consolidatedWorkbook, xlsxType } from './catalogue.ts';
import { scoresWorkbook } from './scores.ts';
import { reportingGridWorkbook } from './reporting-grid.ts';
import { bulletinFileName, mayReadBulletins } from '../../services/bulletins/generate.ts';
import { mayReadSlip } from '../../services/supervision/ladder.ts';
import { slipFile } from '../../services/supervision/slip-file.ts';
import { slipFileName } from '../../services/supervision/slip-document.ts';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface FileDeps {
  prisma: PrismaClient;
  dataDir: string;
  signingKey: Uint8Array;
  sessions: Sessions;
}

/**
 * Downloads: GET /attachments/:id (a stored file under its uploader's name),
 * /exports/ledger.xlsx|csv (the ledger, filtered by the AssignmentFilter
 * names as query parameters), /calendar/:bodyId.ics?token= (a body's deadline feed), the
 * catalogue template and a round's consolidated catalogue, score sheets, and
 * bulletins (/exports/bulletins/:id.docx, for the supervising office and every unit of the plan),
 * supervision slips (/exports/slips/:id.docx, for the supervising office and the unit addressed).
 * A signed-in browser downloads them with its session cookie; API clients send the bearer token.
 */
/** A plan's global ID read back to its id; anything else names no plan. */
function planOf(globalId: string): string {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === 'Plan' ? decoded.id : '';
  } catch {
    return '';
  }
}

export function fileRoutes({ prisma, dataDir, signingKey, sessions }: FileDeps): express.Router {
  const router = express.Router();
  const signedIn = async (req: express.Request, res: express.Response) => {
    const who = await authenticate({ sessions, signingKey }, { authorization: req.get('authorization'), cookie: req.get('cookie') });
    if (!who) return void res.status(401).json({ error: '请先登录 Sign in first.' });
    if (who.session.mustChangePassword) return void res.status(403).json({ error: '请先修改密码 Change your password first.' });
    return who.actor;
  };

  router.get('/exports/ledger.:format', async (req, res) => {
    const actor = await signedIn(req, res);
    if (!actor) return;
    const format = req.params.format;
    if (format !== 'xlsx' && format !== 'csv') return void res.status(404).json({ error: '只支持 xlsx 和 csv Only xlsx and csv.' });
    const query = ledgerQuery(req.query);
    if ('error' in query) return void res.status(400).json(query);
    const ledger = await ledgerRows(prisma, actor, query.filter, query.order);
    res.attachment(`督办台账-${shanghaiDate(ledger.asOf)}.${format}`);
    if (format === 'csv') return void res.type('text/csv; charset=utf-8').send(ledgerCsv(ledger));
    res.type(xlsxType).send(await ledgerWorkbook(ledger));
  });

  router.get('/exports/catalogue-template.xlsx', async (req, res) => {
    if (!(await signedIn(req, res))) return;
    res.attachment('监管目录模板.xlsx').type(xlsxType).send(await catalogueTemplate());
  });

  router.get('/exports/filing/:roundId/catalogue.xlsx', async (req, res) => {
    if (!(await signedIn(req, res))) return;
    const file = await consolidatedWorkbook(prisma, req.params.roundId);
    if (!file) return void res.status(404).json({ error: '该轮次尚未汇总 No consolidated catalogue for this round yet.' });
    res.attachment(file.name).type(xlsxType).send(file.data);
  });

  router.get('/exports/scores/:sheetId.xlsx', async (req, res) => {
    const actor = await signedIn(req, res);
    if (!actor) return;
    const file = await scoresWorkbook(prisma, actor, req.params.sheetId);
    if (!file) return void res.status(404).json({ error: '评分表不存在或不可见 No such score sheet, or not visible to you.' });
    res.attachment(file.name).type(xlsxType).send(file.data);
  });

  router.get('/exports/reporting-grid/:planId.xlsx', async (req, res) => {
    const actor = await signedIn(req, res);
    if (!actor) return;
    // The plan's id as the API gives it (its global ID), like the ledger export's planId.
    const file = await reportingGridWorkbook(prisma, actor, planOf(req.params.planId));
    if (!file) return void res.status(404).json({ error: '方案不存在或不可见 No such plan, or not visible to you.' });
    res.attachment(file.name).type(xlsxType).send(file.data);
  });

  router.get('/exports/bulletins/:id.docx', async (req, res) => {
    const actor = await signedIn(req, res);
    if (!actor) return;
    const bulletin = await prisma.bulletin.findUnique({ where: { id: req.params.id } });
    const file = bulletin ? attachmentFile(dataDir, bulletin.fileId) : null;
    // Not readable by the viewer answers as a bulletin that does not exist.
    if (!bulletin || !file || !fs.existsSync(file) || !(await mayReadBulletins(prisma, actor, bulletin.planId))) {
      return void res.status(404).json({ error: '通报不存在或不可见 No such bulletin, or not visible to you.' });
    }
    res.type(docxType).attachment(bulletinFileName(bulletin));
    fs.createReadStream(file).pipe(res);
  });

  router.get('/exports/slips/:id.docx', async (req, res) => {
    const actor = await signedIn(req, res);
    if (!actor) return;
    const slip = await prisma.supervisionSlip.findUnique({ where: { id: req.params.id } });
    // Not readable by the viewer answers as a slip that does not exist (and renders nothing).
    const file = slip && mayReadSlip(actor, slip) ? await slipFile(prisma, dataDir, slip) : null;
    if (!slip || !file) {
      return void res.status(404).json({ error: '督办单不存在或不可见 No such supervision slip, or not visible to you.' });
    }
    res.type(docxType).attachment(slipFileName(slip));
    fs.createReadStream(file).pipe(res);
  });

  router.get('/calendar/:bodyId.ics', async (req, res) => {
    const bodyId = await calendarBody(prisma, signingKey, String(req.query.token ?? '').slice(0, 2000));
    if (!bodyId || bodyId !== req.params.bodyId) return void res.status(403).json({ error: '日历链接无效或已重新生成 Invalid or regenerated calendar link.' });
    res.type('text/calendar; charset=utf-8').send(await bodyCalendar(prisma, bodyId));
  });

  router.get('/attachments/:id', async (req, res) => {
    const actor = await signedIn(req, res);
    if (!actor) return;
    const id = req.params.id;
    const row = attachmentIdPattern.test(id) ? await prisma.attachment.findUnique({ where: { id } }) : null;
    const file = attachmentFile(dataDir, id);
    // Not visible to the viewer answers as a file that does not exist.
    if (!row || !fs.existsSync(file) || !(await mayDownload(prisma, actor, row))) return void res.status(404).json({ error: '附件不存在 No such attachment.' });
    res.type(row.type).attachment(row.name);
    fs.createReadStream(file).pipe(res);
  });
  return router;
}
