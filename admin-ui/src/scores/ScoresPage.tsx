import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import ScoreIcon from '@mui/icons-material/EmojiEventsOutlined';
import { Link, Title, useTranslate } from 'react-admin';

/** Scores are not computed yet (a later issue); this page says so and points to what can be read today. */
export function ScoresPage() {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 2, maxWidth: 720 }}>
      <Title title={translate('duban.scores.title')} />
      <Card variant="outlined" data-testid="scores-placeholder">
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <ScoreIcon color="disabled" sx={{ fontSize: 48 }} />
            <Box>
              <Typography variant="h6" component="h1" gutterBottom>
                {translate('duban.scores.notYet')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('duban.scores.explain')}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                <Button component={Link} to="/" variant="outlined" size="small">
                  {translate('duban.dashboard.title')}
                </Button>
                <Button component={Link} to="/assignments" variant="outlined" size="small">
                  {translate('duban.ledger.title')}
                </Button>
              </Stack>
            </Box>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
