import { Readable } from 'node:stream';
import { csvField, csvLine, csvStream, exportDisposition } from './report-csv';

async function text(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('CSV of a report', () => {
  it('writes numbers as they are and null as nothing', () => {
    expect(csvLine(['2026-03-09', 7, 0, null, 1440])).toBe('2026-03-09,7,0,,1440\r\n');
  });

  it('quotes text holding a comma, a quote or a line end', () => {
    expect(csvField('第1网格')).toBe('第1网格');
    expect(csvField('东区, 北片')).toBe('"东区, 北片"');
    expect(csvField('the "old" yard')).toBe('"the ""old"" yard"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps text a spreadsheet would run as a formula from being one', () => {
    expect(csvField('=HYPERLINK("http://evil.example","点我")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""点我"")"`,
    );
    expect(csvField('+86 139')).toBe("'+86 139");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    // Numbers are numbers, never prefixed; a sign or @ inside text is harmless.
    expect(csvField(-1)).toBe('-1');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('streams UTF-8 with the byte order mark first, then the header and the rows', async () => {
    const bytes = await text(csvStream({ header: ['网格', '人数'], rows: [['东区', 3]] }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('网格,人数\r\n东区,3\r\n');
  });

  it("names the file in ASCII, and in UTF-8 with the community's name", () => {
    const disposition = exportDisposition(
      { id: 'x', code: 'qs-01', name: '青山社区 (东) */?' },
      'weekly',
      { from: '2026-01-01', to: '2026-03-31' },
      'zh-CN',
    );
    expect(disposition).toMatch(
      /^attachment; filename="report-qs-01-weekly-2026-01-01_2026-03-31\.csv"; filename\*=UTF-8''[^'"()* ]+$/,
    );
    expect(disposition).toMatch(/^[\x20-\x7e]+$/);
    const encoded = /filename\*=UTF-8''(.*)$/.exec(disposition)![1];
    expect(decodeURIComponent(encoded)).toBe(
      '青山社区 (东) ___-每周统计-2026-01-01_2026-03-31.csv',
    );
  });
});
