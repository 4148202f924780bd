// `tgraph profile list|use|show|remove`: the saved connection profiles.
import type { Command } from 'commander';
import { action } from '../context.js';
import { examples } from '../help.js';
import {
  checkProfileName,
  getProfile,
  maskProfile,
  profilesPath,
  readProfiles,
  removeProfile,
  writeProfiles,
} from '../profiles.js';

export function registerProfile(program: Command): void {
  const group = examples(
    program.command('profile').description('manage saved connection profiles'),
    'tgraph profile list',
    'tgraph profile use staging',
  );

  examples(
    group
      .command('list')
      .alias('ls')
      .description('list profiles (the current one is marked)')
      .action(
        action(async ({ io }) => {
          const file = readProfiles();
          const rows = Object.entries(file.profiles).map(([name, p]) => ({
            current: name === file.current ? '*' : '',
            name,
            host: p.host ?? '',
            graph: p.graph ?? '',
            auth: authStyle(p),
          }));
          if (rows.length === 0 && io.format === 'table') {
            io.note('no profiles yet; create one with `tgraph login`');
            return;
          }
          io.print(rows);
        }),
      ),
    'tgraph profile list',
    'tgraph profile list --json',
  );

  examples(
    group
      .command('use')
      .argument('<name>', 'profile to make current')
      .description('make a profile the current one')
      .action(
        action(async ({ io }, [name]) => {
          const file = readProfiles();
          getProfile(file, checkProfileName(name!));
          file.current = name;
          writeProfiles(file);
          io.success(`now using profile '${name}'`);
        }),
      ),
    'tgraph profile use prod',
  );

  examples(
    group
      .command('show')
      .argument('[name]', 'profile to show (default: the current one)')
      .description('show a profile (credentials masked) and where it is stored')
      .action(
        action(async ({ io, globals }, [name]) => {
          const file = readProfiles();
          const which = name ?? globals.profile ?? file.current;
          if (which === undefined) {
            io.note('no current profile; create one with `tgraph login`');
            return;
          }
          const profile = getProfile(file, which);
          io.print({
            name: which,
            current: which === file.current,
            ...maskProfile(profile),
            file: profilesPath(),
          });
        }),
      ),
    'tgraph profile show',
    'tgraph profile show prod --json',
  );

  examples(
    group
      .command('remove')
      .alias('rm')
      .argument('<name>', 'profile to delete')
      .description('delete a profile and its saved credentials')
      .action(
        action(async ({ io }, [name]) => {
          removeProfile(checkProfileName(name!));
          io.success(`removed profile '${name}'`);
        }),
      ),
    'tgraph profile remove old-cluster',
  );
}

export function authStyle(p: {
  username?: string | undefined;
  password?: string | undefined;
  secret?: string | undefined;
  token?: string | undefined;
  keychain?: string[] | undefined;
}): string {
  if (p.secret || p.keychain?.includes('secret')) return 'secret';
  if (p.token || p.keychain?.includes('token')) return 'token';
  if (p.username) return 'password';
  return 'none';
}
