export * from './csv';
export * from './errors';
export * from './protocol';
export * from './events';
export * from './rest';
export * from './session';
export * from './studio';
