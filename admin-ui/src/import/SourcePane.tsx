import { useEffect, useRef } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Panel } from '../shared/Panel.tsx';

/** Where a task's text starts in the source: the parser folds full-width punctuation, so compare folded text. */
function locate(source: string, text: string): number {
  const folded = source.normalize('NFKC');
  const wanted = text.normalize('NFKC');
  for (const length of [24, 12, 6]) {
    const at = folded.indexOf(wanted.slice(0, length));
    if (at >= 0) return at;
  }
  return -1;
}

/** The notice as it was read, beside the draft; the selected task is marked and scrolled into view. */
export function SourcePane({ source, selected }: { source: string; selected: string | null }) {
  const translate = useTranslate();
  const pane = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  const at = selected ? locate(source, selected) : -1;
  // Scroll the pane only: scrollIntoView would also move the page away from the task just clicked.
  useEffect(() => {
    if (pane.current && mark.current) {
      pane.current.scrollTo({ top: mark.current.offsetTop - pane.current.clientHeight / 3, behavior: 'smooth' });
    }
  }, [selected]);
  const end = at + (selected?.length ?? 0);
  return (
    <Panel title={translate('duban.import.source')} testId="source-pane">
      <Box ref={pane} sx={{ position: 'relative', maxHeight: { xs: 320, lg: 'calc(100vh - 160px)' }, overflowY: 'auto' }}>
        <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, lineHeight: 1.8 }}>
          {at < 0 ? (
            source
          ) : (
            <>
              {source.slice(0, at)}
              <Box component="mark" ref={mark} sx={{ bgcolor: '#fff59d' }}>
                {source.slice(at, end)}
              </Box>
              {source.slice(end)}
            </>
          )}
        </Typography>
      </Box>
    </Panel>
  );
}
