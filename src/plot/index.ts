export * from './figure';
export * from './show';
export * from './charts';
export * from './browser';
export * from './static';
export * from './palette';
