import { builder } from './builder.ts';
import './errors.ts';
import './auth.ts';
import './bodies.ts';
import './plans.ts';
import './imports.ts';
import './tasks.ts';
import './actions.ts';
import './ledger.ts';
import './dashboard.ts';
import './attachments.ts';
import './credit.ts';
import './objections.ts';
import './repairs.ts';
import './inspections.ts';

export const schema = builder.toSchema({ sortSchema: true });
