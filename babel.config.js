// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// The preset itself loads @babel/preset-react (automatic JSX runtime) for framework 'react';
// that package must stay installed or the build fails.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
