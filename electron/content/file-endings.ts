// Slide and topic files saved with an ending the loader does not read: Notepad's hidden ".txt"
// ("new-slide.md.txt"), ".markdown", ".MD" in capitals, or plain ".txt". Each gets a warning
// that says the exact new name and how to see the whole name on Windows and on a Mac.
import type { ContentProblem } from '../../common/content-model';
import type { ItemFolder } from './item-files';

const wrongEnding = /^(.+?)(\.md\.txt|\.markdown|\.mdown|\.txt|\.md)$/i;

/** The `wrong-file-ending` warning for a file the loader would not read, or undefined. */
export function wrongEndingProblem(folder: ItemFolder, name: string, existing: ReadonlySet<string>): ContentProblem | undefined {
  const match = wrongEnding.exec(name);
  if (!match || match[2] === '.md') return undefined;
  const [, stem, ending] = match as unknown as [string, string, string];
  const suggested = `${stem.toLowerCase().replace(/[\s_]+/g, '-')}.md`;
  const kind = folder === 'slides' ? 'slide' : 'topic';
  const rename = existing.has(suggested)
    ? `There is already a ${suggested}: keep the one you want and delete the other.`
    : `Rename it to "${suggested}".`;
  return {
    severity: 'warning',
    code: 'wrong-file-ending',
    file: `${folder}/${name}`,
    message: `"${name}" ends in "${ending}", so it is not read as a ${kind}. ${rename} On Windows, first turn on "File name extensions" in File Explorer's View menu, so the whole name shows; on a Mac, use Get Info and change "Name & Extension".`,
    expected: `a name ending in .md, such as ${suggested}`,
  };
}
