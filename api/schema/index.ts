import { builder } from './builder.ts';
import './bodies.ts';

export const schema = builder.toSchema({ sortSchema: true });
