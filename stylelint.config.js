// Stylelint: the standard config, and the design system's own rules (src/app/styles/main.css says why).
const TOKENS = ['src/app/styles/settings/colours.css', 'src/app/styles/settings/scales.css'];
// A literal length in rem or em, where the scales should be used instead.
const LITERAL_SIZE = /(^|[\s(,])-?(\d+\.?\d*|\.\d+)r?em\b/;

/** @type {import('stylelint').Config} */
export default {
  extends: ['stylelint-config-standard'],
  plugins: ['stylelint-value-no-unknown-custom-properties'],
  ignoreFiles: ['dist*/**', 'node_modules/**', 'coverage/**', '.tmp/**', '.data/**'],
  rules: {
    // Colours only as tokens, so every theme recolours everything: no hex, names or colour functions.
    'color-no-hex': true,
    'color-named': 'never',
    'function-disallowed-list': [
      'rgb',
      'rgba',
      'hsl',
      'hsla',
      'hwb',
      'lab',
      'lch',
      'oklab',
      'oklch',
      'color',
    ],
    // Spacing and type from the scales, not literal rems.
    'declaration-property-value-disallowed-list': {
      '/^(margin|padding|gap|row-gap|column-gap)/': [LITERAL_SIZE],
      'font-size': [LITERAL_SIZE],
    },
    // A token that does not exist is a silent bug: the declaration is dropped.
    'csstools/value-no-unknown-custom-properties': [true, { importFrom: TOKENS }],
    // Tokens are grouped by kind, with a blank line between groups.
    'custom-property-empty-line-before': null,
    // Font stacks in a token keep their families' own spelling, as font-family does.
    'value-keyword-case': ['lower', { ignoreProperties: ['/^--font/'], camelCaseSvgKeywords: true }],
    // Media queries as older phones' browsers read them.
    'media-feature-range-notation': 'prefix',
    // BEM, as the components are named: block, block__element, block--modifier.
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$',
      {
        message: (selector) => `Expected class "${selector}" to be block, block__element or block--modifier`,
      },
    ],
  },
  overrides: [
    {
      files: ['src/app/styles/settings/**'],
      rules: {
        'color-no-hex': null,
        'declaration-property-value-disallowed-list': null,
      },
    },
  ],
};
