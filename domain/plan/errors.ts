export type NoticeParseErrorCode = 'empty' | 'no-tasks';

const messages: Record<NoticeParseErrorCode, string> = {
  empty: '文本为空 The notice text is empty',
  'no-tasks': '未找到编号任务 No numbered tasks were found in the document',
};

/** A text that cannot be read as a task-division notice at all. */
export class NoticeParseError extends Error {
  override readonly name = 'NoticeParseError';

  constructor(readonly code: NoticeParseErrorCode) {
    super(messages[code]);
  }
}
