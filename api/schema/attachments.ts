import type { PrismaClient } from '../../runtime/db.ts';
import { AttachmentRejected, storeAttachment } from '../../services/attachments.ts';
import { builder } from './builder.ts';
import { ValidationError } from './errors.ts';
import { selection } from './selection.ts';

/** The stored files a record names (a JSON list of ids), in the order it names them. */
export async function attachmentsInOrder<Q extends object>(prisma: PrismaClient, query: Q, idsJson: string) {
  const ids = JSON.parse(idsJson) as string[];
  const found = await prisma.attachment.findMany({ ...query, where: { id: { in: ids } } });
  return ids.flatMap((id) => found.filter((f) => f.id === id));
}

/** Where a stored file is downloaded: the one route every attachment uses. */
export const attachmentUrl = (id: string) => `/attachments/${id}`;

builder.prismaObject('Attachment', {
  description: '附件 A stored file, named as its uploader named it; download it from /attachments/<id> (the session cookie or the bearer token).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'SHA-256 of the content, then a suffix of this upload.' }),
    name: t.exposeString('name'),
    size: t.exposeInt('size'),
    type: t.exposeString('type'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    url: t.string({ description: '下载地址 The download path: only a viewer who may see a record naming the file (or who uploaded it) gets it.', resolve: (a) => attachmentUrl(a.id) }),
  }),
});

builder.mutationField('uploadAttachment', (t) =>
  t.prismaField({
    type: 'Attachment',
    description: '上传附件（≤20 MB；文档、表格、图片、压缩包） Uploads a file to attach to a progress report or submission.',
    authScopes: { supervisor: true, department: true },
    errors: { types: [ValidationError] },
    args: { file: t.arg({ type: 'File', required: true }) },
    resolve: async (query, _root, { file }, ctx) => {
      try {
        const stored = await storeAttachment(ctx.prisma, ctx.dataDir, file, ctx.actor!.accountId);
        return ctx.prisma.attachment.findUniqueOrThrow({ ...selection(query), where: { id: stored.id } });
      } catch (error) {
        if (error instanceof AttachmentRejected) throw new ValidationError(error.message);
        throw error;
      }
    },
  }),
);
