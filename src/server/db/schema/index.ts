export * from './programmes';
export * from './organisations';
export * from './companies';
export * from './users';
export * from './audit';
export * from './outbox';
export * from './contacts';
export * from './follow-up';
