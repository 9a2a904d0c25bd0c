import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export type TDovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** APPENDs a raw message to a folder over IMAP, as another mail client would deliver it. */
  append: (raw: Buffer | string, folder?: string) => Promise<void>;
  /** UIDs in the folder that carry \Seen. */
  seenUids: (folder?: string) => Promise<number[]>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${log()}`);
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not answer on ${port}: ${log()}`);
}

/**
 * Starts Debian's Dovecot (`/usr/sbin/dovecot -F`) on a free 127.0.0.1 port with a maildir and a
 * passwd-file user in a temporary directory; plain IMAP (no TLS) for the tests. Needs the package
 * dovecot-imapd. Running as root, Dovecot's own users do the work and own the mail.
 */
export async function startDovecot(): Promise<TDovecot> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hamkke-dovecot-'));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  const user = 'hamkke';
  const password = 'imap-test-password';
  const mailDir = path.join(dir, 'mail');
  await fs.mkdir(mailDir, { recursive: true });
  const { uid, gid } = await dovecotIds();
  await fs.chown(mailDir, uid, gid);
  await fs.writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
mail_location = maildir:${mailDir}/%u
mail_uid = ${uid}
mail_gid = ${gid}
first_valid_uid = 1
default_internal_user = dovecot
default_login_user = dovenull
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mailDir}/%u
}
`;
  const configPath = path.join(dir, 'dovecot.conf');
  await fs.writeFile(configPath, config);
  const child = spawn('/usr/sbin/dovecot', ['-F', '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const log = () => output;
  await waitForPort(port, child, log);

  const connect = async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    return client;
  };
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    append: async (raw, folder = 'INBOX') => {
      const client = await connect();
      try {
        if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
        await client.append(folder, raw);
      } finally {
        await client.logout();
      }
    },
    seenUids: async (folder = 'INBOX') => {
      const client = await connect();
      try {
        await client.mailboxOpen(folder);
        const uids = await client.search({ seen: true }, { uid: true });
        return (uids || []).sort((a, b) => a - b);
      } finally {
        await client.logout();
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

async function dovecotIds(): Promise<{ uid: number; gid: number }> {
  if (process.getuid?.() !== 0) return { uid: process.getuid!(), gid: process.getgid!() };
  const passwd = await fs.readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((l) => l.startsWith('dovecot:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 0), gid: Number(gid ?? 0) };
}
