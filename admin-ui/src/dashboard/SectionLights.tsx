import { Box, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { LightBar, type LightCounts } from '../lights/LightBar.tsx';
import { LightChip } from '../lights/LightChip.tsx';
import { countedLights } from '../lights/lights.ts';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { chineseNumeral } from '../../../domain/dates/numerals.ts';

/** Each section of the plan with its tasks counted by light; a section opens its tasks. */
export function SectionLights({ sections, planId }: { sections: Array<{ ordinal: number; title: string; counts: LightCounts }>; planId: string }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  return (
    <Panel title={translate('duban.dashboard.bySection')} testId="section-lights">
      <Stack spacing={1.5}>
        {sections.map((section) => (
          <Box
            key={section.ordinal}
            component={Link}
            to={paths.list('tasks', { planId, sectionOrdinal: section.ordinal })}
            sx={{ color: 'inherit', textDecoration: 'none', display: 'block', '&:hover .title': { textDecoration: 'underline' } }}
          >
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography className="title" variant="body2" sx={{ flex: '1 1 12em', fontWeight: 500 }}>
                {translate('duban.sectionTitle', { ordinal: section.ordinal, numeral: chineseNumeral(section.ordinal), title: section.title })}
              </Typography>
              <Stack direction="row" spacing={0.5}>
                {countedLights
                  .filter((light) => section.counts[light] > 0)
                  .map((light) => (
                    <LightChip key={light} light={light} count={section.counts[light]} size="small" />
                  ))}
              </Stack>
            </Box>
            <LightBar counts={section.counts} />
          </Box>
        ))}
      </Stack>
    </Panel>
  );
}
