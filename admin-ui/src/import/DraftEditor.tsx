import { useState } from 'react';
import { Box } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { allBodies, isConcrete } from '../dataProvider/bodies.ts';
import type { DraftBodyResolution, NoticeDraft, RegistryRecord } from '../dataProvider/imports.ts';
import { CommitPanel } from './CommitPanel.tsx';
import { DocumentFields } from './DocumentFields.tsx';
import { DraftBodies } from './DraftBodies.tsx';
import { DraftRequirements } from './DraftRequirements.tsx';
import { DraftTasks } from './DraftTasks.tsx';
import { SourcePane } from './SourcePane.tsx';
import { mergeTasks, sourceSpan, splitTask } from '../../../domain/plan/draft-edits.ts';
import { addTask, draftBodies, removeTask, replaceBody } from './draft.ts';

/** Step two: the parsed plan beside the source text, corrected by hand, then committed. */
export function DraftEditor({ initial, registry: chosen, onStartOver }: { initial: NoticeDraft; registry: RegistryRecord; onStartOver: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [resolutions, setResolutions] = useState<Record<string, DraftBodyResolution>>({});
  const { data: registry = [] } = useQuery({ queryKey: ['bodies', 'all', chosen.id], queryFn: () => allBodies(chosen.id), staleTime: 60_000 });
  const bodies = draftBodies(draft, registry);
  const matchOf = (name: string) => bodies.find((b) => b.name === name)?.match ?? 'unknown';
  // The parser's text of each task: while a task still holds it, its opening words may place it in the notice.
  const [parsedText] = useState(() => new Map(initial.tasks.map((t) => [t.ref, t.text])));
  const selectedTask = draft.tasks.find((t) => t.ref === selected);
  const span = selectedTask ? sourceSpan(draft.sourceText, selectedTask.text, parsedText.get(selectedTask.ref) ?? null) : null;
  // A warning about an unknown name registered from this page is settled.
  const registeredSince = (w: NoticeDraft['warnings'][number]) => w.code === 'unknownBody' && w.body !== null && matchOf(w.body) !== 'unknown';
  const mergeNext = (ref: string) => {
    const task = draft.tasks.find((t) => t.ref === ref)!;
    const inSection = draft.tasks.filter((t) => t.section === task.section);
    const next = inSection[inSection.indexOf(task) + 1];
    if (next) setDraft(mergeTasks(draft, ref, next.ref));
  };

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <DocumentFields draft={{ ...draft, warnings: draft.warnings.filter((w) => !registeredSince(w)) }} onChange={(change) => setDraft({ ...draft, ...change })} />
        <DraftBodies
          bodies={bodies}
          registry={registry}
          concrete={registry.filter(isConcrete)}
          onReplace={(name, by) => setDraft(replaceBody(draft, name, by))}
          resolutions={resolutions}
          onSettle={(resolution) => setResolutions({ ...resolutions, [resolution.name]: resolution })}
          registryId={chosen.id}
          onRegistered={() => void queryClient.invalidateQueries({ queryKey: ['bodies', 'all', chosen.id] })}
        />
        <DraftTasks
          tasks={draft.tasks}
          options={registry.map((b) => b.shortName)}
          matchOf={matchOf}
          selected={selected}
          onSelect={setSelected}
          onChange={(ref, change) => setDraft({ ...draft, tasks: draft.tasks.map((t) => (t.ref === ref ? { ...t, ...change } : t)) })}
          onAdd={(section) => setDraft(addTask(draft, section))}
          onRemove={(ref) => setDraft(removeTask(draft, ref))}
          onSplit={(ref, at) => setDraft(splitTask(draft, ref, at))}
          onMergeNext={mergeNext}
        />
        <DraftRequirements
          requirements={draft.requirements}
          onChange={(index, change) => setDraft({ ...draft, requirements: draft.requirements.map((r, i) => (i === index ? { ...r, ...change } : r)) })}
        />
        <CommitPanel
          draft={draft}
          registry={chosen}
          resolutions={bodies.flatMap((b) => (b.match === 'unknown' && resolutions[b.name] ? [resolutions[b.name]!] : []))}
          onStartOver={onStartOver}
        />
      </Box>
      <Box sx={{ position: { lg: 'sticky' }, top: { lg: 64 }, order: { xs: -1, lg: 0 } }}>
        <SourcePane source={draft.sourceText} selected={selectedTask?.text.trim() ? selectedTask.ref : null} span={span} />
      </Box>
    </Box>
  );
}
