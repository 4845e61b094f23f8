import { Admin, Resource } from 'react-admin';
import { dataProvider } from './dataProvider.ts';
import { i18nProvider } from './i18n/index.ts';
import { bodies } from './bodies/index.ts';

export function App() {
  return (
    <Admin title="督办 Duban" dataProvider={dataProvider} i18nProvider={i18nProvider} disableTelemetry>
      <Resource name="bodies" {...bodies} />
    </Admin>
  );
}
