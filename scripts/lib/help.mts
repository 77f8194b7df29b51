// oclif's help with the sections the sf CLI's own help adds (exit codes, environment variables), so `npm run seed --
// --help` reads like `sf cs seed --help`. Every line still comes from the command's static definitions.
import { CommandHelp, Help, type Command } from '@oclif/core';

interface HelpSection {
  header: string;
  body: Array<{ name: string; description: string }>;
}

type WithSections = Command.Loadable & { errorCodes?: HelpSection; envVariablesSection?: HelpSection };

class CsCommandHelp extends CommandHelp {
  protected override sections(): ReturnType<CommandHelp['sections']> {
    const command = this.command as WithSections;
    const extra = [command.envVariablesSection, command.errorCodes].filter((s) => s !== undefined);
    return [
      ...super.sections(),
      ...extra.map((section) => ({
        header: section.header,
        // A list of sections, as oclif's own FLAGS section returns (a bare array would be read as one).
        generate: () => [{ header: section.header, body: section.body }]
      }))
    ];
  }
}

export default class CsHelp extends Help {
  protected override CommandHelpClass = CsCommandHelp;
}
