import { builder } from './builder.ts';
import './errors.ts';
import './auth.ts';
import './bodies.ts';

export const schema = builder.toSchema({ sortSchema: true });
