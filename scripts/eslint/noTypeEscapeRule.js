// ESLint rule: no casts that switch the type checker off. `x as never`, `x as any` and `x as unknown as T`
// (and their `<T>x` forms) accept anything, so a wrong value passes silently where the types were meant to
// catch it. Narrow with a type guard, a zod parse, a typed adapter or a generic instead. Tests are exempt
// (a test may hand a deliberately wrong value to check that it is refused).

const describe = (type) => {
  if (type.type === 'TSNeverKeyword') return 'never';
  if (type.type === 'TSAnyKeyword') return 'any';
  return null;
};

export const noTypeEscapeRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      escape: 'Type-escape cast `as {{kind}}`: narrow the value (type guard, zod parse, typed adapter) instead of switching the checker off.',
      double: 'Type-escape cast `as unknown as …`: narrow the value (type guard, zod parse, typed adapter) instead of switching the checker off.',
    },
  },
  create(context) {
    const check = (node) => {
      const kind = describe(node.typeAnnotation);
      if (kind) return context.report({ node, messageId: 'escape', data: { kind } });
      const inner = node.expression;
      if ((inner.type === 'TSAsExpression' || inner.type === 'TSTypeAssertion') && inner.typeAnnotation.type === 'TSUnknownKeyword') {
        context.report({ node, messageId: 'double' });
      }
    };
    return { TSAsExpression: check, TSTypeAssertion: check };
  },
};
