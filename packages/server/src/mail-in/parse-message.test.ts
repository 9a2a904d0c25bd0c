import { describe, expect, it } from 'vitest';
import { classifyNoise } from './classify-noise.js';
import { foldQuotes } from './fold-quotes.js';
import { decodeIso2022Kr, encodeIso2022Kr } from './iso-2022-kr.js';
import { eml, MAIL_DOMAIN } from './mail-in.fixtures.js';
import { parseMessage } from './parse-message.js';

const FROM = 'kim@example.co.kr';
const parse = (name: string, vars: Record<string, string> = {}) =>
  parseMessage(eml(name, { from: FROM, ...vars }));
const noiseOf = async (raw: Buffer | string, envelopeFrom?: string) =>
  classifyNoise(await parseMessage(Buffer.from(raw)), { mailDomain: MAIL_DOMAIN, envelopeFrom });

describe('ISO-2022-KR', () => {
  it('is not decoded by mailparser on its own, so Hamkke decodes it (SO/SI shifts over KS X 1001)', () => {
    const bytes = encodeIso2022Kr('전표 오류 F5 808 확인 부탁드립니다');
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(decodeIso2022Kr(bytes.toString('latin1'))).toBe('전표 오류 F5 808 확인 부탁드립니다');
  });

  it('ends a shift at the end of a line and leaves other text alone', () => {
    const twoLines = Buffer.concat([
      encodeIso2022Kr('첫 줄'),
      Buffer.from('\n'),
      encodeIso2022Kr('둘째 줄', false),
    ]);
    expect(decodeIso2022Kr(twoLines.toString('latin1'))).toBe('첫 줄\n둘째 줄');
    expect(decodeIso2022Kr('plain ASCII, 한글 UTF-8')).toBe('plain ASCII, 한글 UTF-8');
  });
});

describe('the corpus, decoded as a user reads it', () => {
  it('Outlook (ks_c_5601-1987, multipart/alternative): Korean name, subject, text; HTML without script', async () => {
    const mail = await parse('outlook-ko.eml');
    expect(mail.fromName).toBe('김민수');
    expect(mail.subject).toBe('[긴급] 전표 전기 오류 문의');
    expect(mail.text).toBe(
      '안녕하세요.\n\nFI 모듈에서 전표 전기 시 오류(F5 808)가 발생합니다.\n확인 부탁드립니다.\n\n김민수 드림',
    );
    expect(mail.html).toContain('<p>FI 모듈에서 전표 전기 시 오류(F5 808)가 발생합니다.</p>');
    expect(mail.html).not.toMatch(/script|alert|<style/);
  });

  it('Gmail (UTF-8, quoted-printable)', async () => {
    const mail = await parse('gmail-ko.eml');
    expect(mail.fromName).toBe('이서연');
    expect(mail.subject).toBe('MM 모듈 구매오더 ME21N 저장 불가');
    expect(mail.text).toBe(
      'ME21N에서 구매오더를 저장하면 "M7 021" 메시지가 나옵니다.\n플랜트 1000, 자재 4711입니다.',
    );
  });

  it('Naver (HTML only): a plain-text version is made; the read-receipt image is dropped from the HTML', async () => {
    const mail = await parse('naver.eml');
    expect(mail.subject).toBe('출하 처리 오류');
    expect(mail.text).toContain(
      '안녕하세요, 네이버 메일로 문의드립니다.\n\nSD 모듈 출하 처리(VL01N)가 안 됩니다.',
    );
    expect(mail.html).not.toContain('readReceipt');
  });

  it('Daum (EUC-KR body, Q-encoded EUC-KR headers)', async () => {
    const mail = await parse('daum.eml');
    expect(mail.fromName).toBe('최유진');
    expect(mail.subject).toBe('PP 생산오더 확정 문의');
    expect(mail.text).toBe(
      '생산오더 확정(CO11N) 시 "재고 부족" 오류가 납니다.\n다음 주 월말 마감 전에 확인 부탁드립니다.',
    );
  });

  it('EUC-KR with an attachment named in RFC 2231 (EUC-KR)', async () => {
    const mail = await parse('euc-kr-attachment.eml');
    expect(mail.subject).toBe('월마감 보고서 오류 (첨부)');
    expect(mail.text).toBe('월마감 보고서 실행 시 덤프가 발생합니다.\n오류 화면을 첨부합니다.');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['오류화면.txt']);
  });

  it('ISO-2022-KR body and B-encoded ISO-2022-KR subject', async () => {
    const mail = await parse('iso-2022-kr.eml');
    expect(mail.subject).toBe('자재 마스터 변경 요청');
    expect(mail.text).toBe('자재 4711의 기본 단위를 EA에서 BOX로 바꿔 주세요.\n감사합니다.');
  });

  it('a forward keeps what was forwarded', async () => {
    const mail = await parse('forwarded.eml');
    expect(mail.text).toContain('아래 알림 확인 부탁드립니다.');
    expect(mail.text).toContain('IDoc ORDERS05 전송 실패: 상태 51');
  });

  it('attachments: a split RFC 2231 UTF-8 name and an RFC 2047 name, bytes intact', async () => {
    const mail = await parse('with-attachments.eml');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['견적서_2026년11월.xlsx', '작업로그.txt']);
    expect(mail.attachments[0]!.content).toEqual(
      Buffer.from([
        0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x80, 0x7f,
      ]),
    );
    expect(mail.attachments[1]!.content.toString()).toBe('STMS import RC=8\n');
  });

  it('an inline image (cid) is an attachment and its reference stays in the sanitised HTML', async () => {
    const mail = await parse('inline-image.eml');
    expect(mail.attachments).toMatchObject([
      { filename: 'capture.png', contentId: 'ii_capture01', isInline: true },
    ]);
    expect(mail.html).toContain('src="cid:ii_capture01"');
    expect(mail.html).not.toContain('tracker.example.com');
  });
});

describe('quoted history is folded away, and kept', () => {
  it('an Outlook reply with a Korean header block (보낸 사람:)', async () => {
    const mail = await parse('reply-outlook-quoted.eml');
    expect(mail.text).toBe('말씀하신 대로 전기 기간을 열었더니 해결되었습니다.\n감사합니다.');
    expect(mail.quoted).toMatch(/^보낸 사람: Hamkke/);
    expect(mail.quoted).toContain('전기 기간(OB52)을 확인해 주세요.');
  });

  it('a Gmail reply in Korean (…님이 작성:) with > quotes', async () => {
    const mail = await parse('reply-gmail-quoted.eml');
    expect(mail.text).toBe('추가로 확인해 보니 자재 4712도 같은 증상입니다.');
    expect(mail.quoted).toContain('> 구매 그룹 설정을 확인해 주세요.');
  });

  it.each([
    ['-----Original Message-----\nFrom: a@b.c\nSent: Wednesday'],
    ['-----원본 메시지-----\n보낸 사람: 홍길동'],
    ['------- Original Message -------\n보낸사람 : kim@naver.com'],
    ['--------- 원본 메일 ---------\n보낸사람: kim@daum.net'],
    ['From: Hamkke <support@hamkke.test>\nSent: Wednesday, November 25, 2026 2:00 PM\nTo: kim'],
    ['On Wed, Nov 25, 2026 at 2:00 PM 홍길동 <hong@example.com> wrote:\n> 이전 내용'],
    ['On Wed, Nov 25, 2026 at 2:00 PM 홍길동 <\nhong@example.com> wrote:\n> 이전 내용'],
    ['2026년 11월 25일 (수) 오후 2:00, 홍길동 <hong@example.com>님이 작성:\n> 이전 내용'],
  ])('folds %j', (history) => {
    const folded = foldQuotes(`확인했습니다.\n\n${history}\n이전 본문`);
    expect(folded.text).toBe('확인했습니다.');
    expect(folded.quoted.length).toBeGreaterThan(0);
  });

  it('folds a trailing block of > quotes, but not quotes answered in between', () => {
    expect(foldQuotes('확인했습니다.\n\n> 이전 내용\n>\n> 둘째 줄\n')).toEqual({
      text: '확인했습니다.',
      quoted: '> 이전 내용\n>\n> 둘째 줄',
    });
    const inline = '> 질문 1\n답 1\n> 질문 2\n답 2';
    expect(foldQuotes(inline).text).toBe(inline);
  });

  it('folds nothing when the message is only quotes or has none', () => {
    expect(foldQuotes('> 이전 내용').text).toBe('> 이전 내용');
    expect(foldQuotes('본문만 있습니다.\n서명')).toEqual({ text: '본문만 있습니다.\n서명', quoted: '' });
  });
});

describe('loops and noise', () => {
  const plain = (headers: string) =>
    `${headers}From: kim@example.co.kr\r\nTo: support@${MAIL_DOMAIN}\r\nSubject: x\r\nMessage-ID: <a@b>\r\n\r\n본문\r\n`;

  it('a bounce (DSN) and an out-of-office reply are noise', async () => {
    expect(await noiseOf(eml('bounce-dsn.eml', { from: FROM }))).not.toBeNull();
    expect(await noiseOf(eml('out-of-office.eml', { from: FROM }))).toBe('auto_submitted');
  });

  it.each([
    ['Auto-Submitted: auto-generated\r\n', 'auto_submitted'],
    ['Precedence: bulk\r\n', 'precedence'],
    ['Precedence: list\r\n', 'precedence'],
    ['Precedence: auto_reply\r\n', 'precedence'],
    ['X-Autoreply: yes\r\n', 'auto_reply_header'],
    ['X-Autorespond: yes\r\n', 'auto_reply_header'],
    ['X-Auto-Response-Suppress: All\r\n', 'auto_reply_header'],
    ['Return-Path: <>\r\n', 'null_return_path'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n', 'delivery_report'],
  ])('%j is %s', async (header, reason) => {
    expect(await noiseOf(plain(header))).toBe(reason);
  });

  it('MAILER-DAEMON and postmaster senders, the null envelope sender and Hamkke’s own Message-IDs', async () => {
    expect(await noiseOf(plain('').replace('kim@example.co.kr', 'MAILER-DAEMON@mx.example.co.kr'))).toBe(
      'mailer_daemon',
    );
    expect(await noiseOf(plain('').replace('kim@example.co.kr', 'postmaster@example.co.kr'))).toBe(
      'mailer_daemon',
    );
    expect(await noiseOf(plain(''), '')).toBe('null_return_path');
    expect(await noiseOf(plain('').replace('<a@b>', `<hamkke-ACME-000123-7f3a@${MAIL_DOMAIN}>`))).toBe(
      'own_message',
    );
  });

  it('ordinary mail and Auto-Submitted: no are not noise', async () => {
    expect(await noiseOf(plain(''))).toBeNull();
    expect(await noiseOf(plain('Auto-Submitted: no\r\n'))).toBeNull();
    expect(
      await noiseOf(plain('').replace('<a@b>', '<hamkke-ACME-000123-7f3a@elsewhere.example>')),
    ).toBeNull();
  });
});
