import { fileURLToPath } from 'node:url';
import express from 'express';
import type { PrismaClient } from '../../runtime/db.ts';
import { publishedRound, publishedRoundList } from '../../services/published-rounds.ts';
import { notFoundPage, roundListPage, roundPage } from './inspection-pages.ts';

const specification = fileURLToPath(new URL('../../docs/draw.md', import.meta.url));
const checker = fileURLToPath(new URL('../../scripts/redraw.py', import.meta.url));

/**
 * What anyone may see without signing in, so a draw can be checked without
 * the code: GET /public/inspections(.json), /public/inspections/<round id>(.json)
 * (the bare round id), the algorithm's specification and the Python checker.
 */
export function publicRoutes(prisma: PrismaClient): express.Router {
  const router = express.Router();
  router.get('/public/inspections.json', async (_req, res) => void res.json(await publishedRoundList(prisma)));
  router.get('/public/inspections', async (_req, res) => void res.type('html').send(roundListPage(await publishedRoundList(prisma))));
  router.get('/public/inspections/:file', async (req, res) => {
    const file = req.params.file;
    // A round ID may itself contain dots: "<id>.json" is the data when such a round exists, else the page of a round so named.
    const asJson = file.endsWith('.json') ? await publishedRound(prisma, file.slice(0, -'.json'.length)) : null;
    if (asJson) return void res.json(asJson);
    const round = await publishedRound(prisma, file);
    if (!round) {
      if (file.endsWith('.json')) return void res.status(404).json({ error: '没有该抽查批次 No such inspection round.' });
      return void res.status(404).type('html').send(notFoundPage());
    }
    res.type('html').send(roundPage(round));
  });
  router.get('/public/draw.md', (_req, res) => res.type('text/markdown; charset=utf-8').sendFile(specification));
  router.get('/public/redraw.py', (_req, res) => res.type('text/x-python; charset=utf-8').sendFile(checker));
  return router;
}
