import { useEffect, useRef } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import type { SourceSpan } from '../../../domain/plan/draft-edits.ts';
import { useTranslate } from 'react-admin';
import { Panel } from '../shared/Panel.tsx';

/**
 * The notice as it was read, beside the draft; the selected task's span is
 * marked and scrolled into view, or, when its edited text is no longer in the
 * notice, the pane says so instead of marking another passage.
 */
export function SourcePane({ source, selected, span }: { source: string; selected: string | null; span: SourceSpan | null }) {
  const translate = useTranslate();
  const pane = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  // Scroll the pane only: scrollIntoView would also move the page away from the task just clicked.
  useEffect(() => {
    if (pane.current && mark.current) {
      pane.current.scrollTo({ top: mark.current.offsetTop - pane.current.clientHeight / 3, behavior: 'smooth' });
    }
  }, [selected, span?.start]);
  return (
    <Panel title={translate('duban.import.source')} testId="source-pane">
      {selected && !span && (
        <Alert severity="info" data-testid="source-no-match" sx={{ mb: 1 }}>
          {translate('duban.import.sourceNoMatch', { ref: selected })}
        </Alert>
      )}
      <Box ref={pane} sx={{ position: 'relative', maxHeight: { xs: 320, lg: 'calc(100vh - 160px)' }, overflowY: 'auto' }}>
        <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, lineHeight: 1.8 }}>
          {!span ? (
            source
          ) : (
            <>
              {source.slice(0, span.start)}
              <Box component="mark" ref={mark} data-testid="source-mark" sx={{ bgcolor: '#fff59d' }}>
                {source.slice(span.start, span.end)}
              </Box>
              {source.slice(span.end)}
            </>
          )}
        </Typography>
      </Box>
    </Panel>
  );
}
