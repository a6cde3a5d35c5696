// Module resolve hook: the one specifier 'electron' becomes the double; everything else is untouched.
const DOUBLE = new URL('./electron-double.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: DOUBLE, shortCircuit: true, format: 'module' };
  return nextResolve(specifier, context);
}
