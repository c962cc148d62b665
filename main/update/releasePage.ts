// Where a person downloads Pacebar by hand. Must name the repository electron-builder.yml's publish
// settings name (test/packaging/builderConfig.test.ts checks that they agree).
export const RELEASES_ORIGIN = 'https://github.com';
export const RELEASE_REPOSITORY = { owner: 'pacebar', repo: 'pacebar' } as const;

/** GitHub's page of the newest published release (drafts are not shown to anyone else). */
export const LATEST_RELEASE_URL = `${RELEASES_ORIGIN}/${RELEASE_REPOSITORY.owner}/${RELEASE_REPOSITORY.repo}/releases/latest`;
