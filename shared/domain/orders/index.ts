export * from './OrderLifecycle';
export * from './MatchingRules';
