// simple-git as a bundle of its own (dist/git.js), loaded by src/git/simpleGitModule.ts on first use.
export * from 'simple-git';
