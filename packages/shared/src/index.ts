export * from './csv';
export * from './debrief';
export * from './errors';
export * from './protocol';
export * from './events';
export * from './rest';
export * from './session';
export * from './studio';
