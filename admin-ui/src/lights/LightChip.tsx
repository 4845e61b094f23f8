import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lightColours, lightText, type Light } from './lights.ts';

/** A light as a coloured pill with its word (正常/预警/逾期/办结) inside: never colour alone. */
export function LightChip({ light, count, size = 'medium' }: { light: Light; count?: number; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  return (
    <Box
      component="span"
      data-light={light}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        px: size === 'small' ? 0.75 : 1,
        py: size === 'small' ? 0 : 0.25,
        borderRadius: 10,
        bgcolor: lightColours[light],
        color: lightText[light],
        fontSize: size === 'small' ? 12 : 13,
        fontWeight: 600,
        lineHeight: 1.6,
        whiteSpace: 'nowrap',
      }}
    >
      {translate(`duban.light.${light}`)}
      {count !== undefined && <span>{count}</span>}
    </Box>
  );
}
