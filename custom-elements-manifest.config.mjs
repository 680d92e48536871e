// `npm run docs`: the Custom Elements Manifest of the two public elements (read by IDEs, Storybook and
// scripts/readme-api.mjs, which renders the README's element reference from it).

/**
 * The elements register through the guarded `define(tag, Class)` helper, not `customElements.define`,
 * which is all the analyzer recognises: this plugin gives each class its tag name and adds the
 * definition to the module that registers it.
 */
function defineHelperPlugin() {
  const definitions = [];
  return {
    name: 'guest-access-define-helper',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tag, element] = node.arguments;
      if (tag && element && ts.isStringLiteral(tag)) {
        definitions.push({ tagName: tag.text, className: element.getText(), module: moduleDoc });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { tagName, className, module } of definitions) {
        const home = customElementsManifest.modules.find((candidate) =>
          candidate.declarations?.some((declaration) => declaration.name === className),
        );
        const declaration = home?.declarations.find((candidate) => candidate.name === className);
        if (!home || !declaration) continue;
        Object.assign(declaration, { tagName, customElement: true });
        module.exports = [
          ...(module.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module: home.path },
          },
        ];
      }
    },
  };
}

export default {
  globs: [
    'widget/guest-access-manager/guest-access-manager.ts',
    'widget/guest-entry-form/guest-entry-form.ts',
    'widget/guest-access-manager/define.ts',
    'widget/guest-entry-form/define.ts',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [defineHelperPlugin()],
};
