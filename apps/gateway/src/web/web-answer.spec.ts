import { IMMUTABLE, REVALIDATE, webAnswer, WebRoot } from './web-answer';

const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** A build of index.html, one hashed asset and a favicon. */
function build(files = ['index.html', 'assets/index-3f9a1c2e.js', 'favicon.ico']): WebRoot {
  return { hasIndex: () => files.includes('index.html'), isFile: (f) => files.includes(f) };
}

describe('webAnswer', () => {
  it('serves the files of the build: hashed assets for a year, the others revalidated', () => {
    expect(webAnswer('/assets/index-3f9a1c2e.js', '*/*', build())).toEqual({
      kind: 'file',
      file: 'assets/index-3f9a1c2e.js',
      cacheControl: IMMUTABLE,
    });
    expect(webAnswer('/favicon.ico', HTML, build())).toEqual({
      kind: 'file',
      file: 'favicon.ico',
      cacheControl: REVALIDATE,
    });
  });

  it('answers a page a browser asks for with the app, whatever its path', () => {
    for (const link of ['/', '/requests/123', '/c/ABC123', '/offers?page=2'.split('?')[0]]) {
      expect(webAnswer(link, HTML, build())).toEqual({ kind: 'index' });
    }
  });

  it('leaves everything under /api to the API', () => {
    for (const link of ['/api', '/api/v1/nope', '/api/docs/missing.css']) {
      expect(webAnswer(link, HTML, build())).toEqual({ kind: 'not-found' });
    }
    // …even before the web app is built.
    expect(webAnswer('/api/v1/nope', HTML, build([]))).toEqual({ kind: 'not-found' });
  });

  it('does not answer a missing asset or a non-page request with the app', () => {
    expect(webAnswer('/assets/index-00000000.js', HTML, build())).toEqual({ kind: 'not-found' });
    expect(webAnswer('/requests/123', 'application/json', build())).toEqual({ kind: 'not-found' });
    expect(webAnswer('/requests/123', undefined, build())).toEqual({ kind: 'not-found' });
    expect(webAnswer('/requests/123', 'text/htmlx', build())).toEqual({ kind: 'not-found' });
  });

  it('never looks up dot files, parent segments or undecodable paths', () => {
    const looked: string[] = [];
    const root: WebRoot = {
      hasIndex: () => true,
      isFile: (f) => {
        looked.push(f);
        return true;
      },
    };
    for (const probe of [
      '/.env',
      '/assets/%2e%2e/secret',
      '/a//b',
      '/%E0%A4%A',
      '/a%5Cb',
      '/a%00',
    ]) {
      expect(webAnswer(probe, '*/*', root)).toEqual({ kind: 'not-found' });
    }
    expect(looked).toEqual([]);
  });

  it('says the app is not built when there is no index.html', () => {
    expect(webAnswer('/', HTML, build([]))).toEqual({ kind: 'not-built' });
  });
});
