// Every problem the kiosk can report about content, one entry per code: how serious it is, a
// short title, a message for when a problem brings none of its own, what staff do about it, and
// a correct example where one fits. Adding a code is one entry here and one row in the table in
// docs/content-guide.md (tests/docs/content-guide.test.ts names any row that is missing).
import type { ProblemSeverity } from './content-model';

/** As documented. "error or warning": the problem's own severity depends on how bad it is. */
export type CatalogueSeverity = ProblemSeverity | 'error or warning';

export interface ProblemEntry {
  severity: CatalogueSeverity;
  /** A few words, as a heading. */
  title: string;
  /** The message when a problem brings none of its own. */
  message: string;
  /** What staff do about it, in plain words. */
  whatToDo: string;
  /** A correct line or file, when the problem brings no example of its own. */
  example?: string;
}

const frontMatterExample = '---\ntitle: Welcome\n---\nThe text of the slide.';

export const problemCatalogue = {
  // Errors: the item is left out (in settings.yaml: the last good content stays on screen).
  'yaml-syntax': {
    severity: 'error',
    title: 'Fields not written as field: value',
    message: 'A line of fields is not written as "field: value".',
    whatToDo: 'Write each field on its own line as "field: value", and each field only once. Put quotes around a value that contains a colon followed by a space, or starts with #, [ or {.',
    example: 'title: Welcome',
  },
  'unknown-field': {
    severity: 'error',
    title: 'Unknown field',
    message: 'This is not a field that can be used here.',
    whatToDo: 'Correct the spelling of the field name (the closest known name is suggested), or remove the line. A translation may only set the fields that are translated.',
  },
  'missing-field': {
    severity: 'error',
    title: 'Missing field',
    message: 'A field that is needed is missing.',
    whatToDo: 'Add the field on its own line, as in the example.',
  },
  'invalid-value': {
    severity: 'error',
    title: 'Value cannot be used',
    message: 'This value cannot be used here.',
    whatToDo: 'Change the value to what is expected, as in the example.',
  },
  'missing-front-matter': {
    severity: 'error',
    title: 'No fields at the top of the file',
    message: 'The file does not start with its fields between two "---" lines.',
    whatToDo: 'Start the file with a line "---", then its fields, then another "---" line, then the text. If the file was only half saved, save it again.',
    example: frontMatterExample,
  },
  'empty-file': {
    severity: 'error',
    title: 'Empty file',
    message: 'This file is empty.',
    whatToDo: 'Write its fields and text, or delete the file.',
    example: frontMatterExample,
  },
  'not-text': {
    severity: 'error',
    title: 'Not a text file',
    message: 'This is not a text file.',
    whatToDo: 'Save it as plain text with the ending .md. A picture or video belongs in the media folder.',
  },
  'not-utf8': {
    severity: 'error',
    title: 'Not saved as UTF-8',
    message: 'This file is not saved as UTF-8, so letters such as é or ñ would show wrongly.',
    whatToDo: 'In your editor, choose "Save as" and the encoding "UTF-8", then save it again.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'File too large',
    message: 'This file is too large for a slide or topic.',
    whatToDo: 'Split it into smaller topics, each in its own file.',
  },
  'too-deeply-nested': {
    severity: 'error',
    title: 'Nested too deeply',
    message: 'Quotes or lists are nested more than 8 deep, which the kiosk will not read.',
    whatToDo: 'Remove some of the ">" marks or indents at the line given, so nothing is nested more than 8 deep.',
  },
  'too-much-markup': {
    severity: 'error',
    title: 'Too many formatting marks',
    message: 'One paragraph has more than 200 *, _ or [ marks, which the kiosk will not read.',
    whatToDo: 'Remove stray marks, or split the paragraph into several.',
  },
  'missing-file': {
    severity: 'error',
    title: 'File missing',
    message: 'A file that is needed is missing.',
    whatToDo: 'Put the file back into the content folder (a copy of the last good one will do).',
  },
  'unreadable-file': {
    severity: 'error',
    title: 'File cannot be read',
    message: 'The kiosk cannot read this file.',
    whatToDo: 'Close the file in any other program. If it still cannot be read, ask IT to let the kiosk read the content folder.',
  },
  'unreadable-folder': {
    severity: 'error',
    title: 'Folder cannot be read',
    message: 'The kiosk cannot read this folder.',
    whatToDo: 'Ask IT to let the kiosk read the folder.',
  },
  'bad-file-name': {
    severity: 'error',
    title: 'File name cannot be used',
    message: 'This file name cannot be used.',
    whatToDo: 'Rename the file using only lowercase letters, numbers and dashes, ending in .md. A translation adds its language code before .md.',
    example: 'welcome-back.md (a translation: welcome-back.es.md)',
  },
  'duplicate-item': {
    severity: 'error',
    title: 'Translation repeats the original',
    message: 'This file is in the default language, so it repeats the original.',
    whatToDo: 'Put the default language\'s text in the original file (welcome.md) and remove this one (welcome.en.md).',
  },
  'translation-without-original': {
    severity: 'error',
    title: 'Translation without an original',
    message: 'This translation has no original in the default language.',
    whatToDo: 'Add the original (garden.md beside garden.es.md), or correct the spelling of one of the two names.',
  },
  'bad-media': {
    severity: 'error',
    title: 'Picture, video or captions cannot be used',
    message: 'This picture, video or captions file cannot be used.',
    whatToDo: 'Put the file in the media folder and write its path exactly, with the same spelling and capitals. Use a picture (.png, .jpg, .webp, .gif, .svg), a video (.mp4, .webm) or captions (.vtt).',
  },
  'bad-picture': {
    severity: 'error',
    title: 'Picture cannot be read',
    message: 'This picture could not be read. It may be damaged or only half copied.',
    whatToDo: 'Copy the picture into the media folder again, or save it again from the program that made it.',
  },
  'missing-default-language': {
    severity: 'error',
    title: 'No text in the default language',
    message: 'A setting written per language has no text in the default language.',
    whatToDo: 'Add a line for the default language under the setting.',
  },
  'low-contrast': {
    severity: 'error or warning',
    title: 'Colours too close to read',
    message: 'Two theme colours are too close to read easily (an error below 3 to 1).',
    whatToDo: 'Make one of the two colours darker or lighter, or remove both to use the default colours.',
  },
  'content-folder-missing': {
    severity: 'error',
    title: 'Content folder missing',
    message: 'The content folder cannot be found. The screen keeps showing the last good content.',
    whatToDo: 'Plug the drive back in or reconnect the network share; the kiosk updates by itself when the folder is back. Ask IT if it stays missing.',
  },

  // Warnings: the item is still shown.
  'missing-translation': {
    severity: 'warning',
    title: 'Translation missing',
    message: 'There is no translation for one of the languages, so the default language is shown instead.',
    whatToDo: 'Add the translation (such as welcome.es.md beside welcome.md), or leave it: the default language is shown.',
  },
  'translated-sources-mismatch': {
    severity: 'warning',
    title: 'Translated sources do not match',
    message: 'A translation lists a different number of sources than the original, so the original\'s sources are shown instead.',
    whatToDo: 'Give one translated line for each source of the original, in the same order, or remove sources from the translation to show the original\'s.',
    example: 'sources:\n  - FDA, oct. 2023',
  },
  'unused-translation': {
    severity: 'warning',
    title: 'Translation not shown',
    message: 'This is in a language that is not listed under languages in settings.yaml, so it is not shown.',
    whatToDo: 'Add the language to languages in settings.yaml, or correct the language code.',
    example: 'languages: [en, es]',
  },
  'slide-not-in-order': {
    severity: 'warning',
    title: 'Slide not in slideOrder',
    message: 'This slide is not listed in slideOrder in settings.yaml, so it plays after the listed slides.',
    whatToDo: 'Add the slide\'s file name, without .md, to slideOrder where it should play.',
    example: 'slideOrder:\n  - welcome\n  - your-visit',
  },
  'unknown-slide': {
    severity: 'warning',
    title: 'slideOrder names a slide with no file',
    message: 'slideOrder names a slide that has no file.',
    whatToDo: 'Correct the name in slideOrder to a file in the slides folder (without .md), or remove the line.',
  },
  'duplicate-in-order': {
    severity: 'warning',
    title: 'Slide listed twice',
    message: 'A slide is listed twice in slideOrder; it plays once, in its first place.',
    whatToDo: 'Remove one of the two lines.',
  },
  'missing-folder': {
    severity: 'warning',
    title: 'Folder missing',
    message: 'There is no slides or sections folder.',
    whatToDo: 'Create the folder in the content folder, or copy it from the last good content.',
  },
  expired: {
    severity: 'warning',
    title: 'Slide or notice expired',
    message: 'This slide\'s or notice\'s expires day has passed, so it no longer shows.',
    whatToDo: 'Change or remove "expires", or delete the file.',
    example: 'expires: 2026-12-31',
  },
  'notice-too-long': {
    severity: 'warning',
    title: 'Notice too long',
    message: 'This notice has more words than a banner can show at a glance.',
    whatToDo: 'Keep a notice to one short line and a sentence or two. Put anything longer in a slide or a topic.',
  },
  'duplicate-notice-phrase': {
    severity: 'warning',
    title: 'Notice phrase named twice',
    message: 'Two notice phrases in settings.yaml have the same id; only the first is offered.',
    whatToDo: 'Give each phrase under noticePhrases its own id, such as running-late and closing-early.',
  },
  'review-overdue': {
    severity: 'warning',
    title: 'Review overdue',
    message: 'This was last reviewed more than a year ago.',
    whatToDo: 'Check that it is still right, then change lastReviewed to the day you checked it.',
    example: 'lastReviewed: 2026-01-15',
  },
  'review-in-future': {
    severity: 'warning',
    title: 'Review date in the future',
    message: 'The review date is a day that has not come yet.',
    whatToDo: 'Use the date the review was done.',
    example: 'lastReviewed: 2026-01-15',
  },
  'wrong-file-ending': {
    severity: 'warning',
    title: 'File name ending not read',
    message: 'A slide or topic file ends in something other than .md, so the kiosk does not read it.',
    whatToDo: 'Rename it to the .md name given. On Windows, first turn on "File name extensions" in File Explorer\'s View menu, so the hidden ".txt" shows.',
    example: 'new-slide.md',
  },
  'showing-last-good-copy': {
    severity: 'warning',
    title: 'Showing the last good copy',
    message: 'The kiosk started while the content folder could not be used, so it shows the copy of the last good content it saved before.',
    whatToDo: 'Fix the problems listed with it; the folder\'s content then comes back by itself within a few seconds.',
  },
  'not-reviewed': {
    severity: 'warning',
    title: 'Not yet reviewed',
    message: 'This item has no lastReviewed and owner yet, so patients see "not yet reviewed by the clinic".',
    whatToDo: 'The clinic\'s reviewer reads the item, then adds lastReviewed (the day) and owner (who looks after it).',
    example: 'owner: Nurse manager\nlastReviewed: 2026-01-15',
  },
  'placeholder-setting': {
    severity: 'warning',
    title: 'Placeholder still in settings',
    message: 'A value in settings.yaml is still a placeholder in [square brackets].',
    whatToDo: 'Write the clinic\'s own value in place of the brackets, or remove the line.',
    example: 'name: Riverside Clinic',
  },
  'picture-too-large': {
    severity: 'warning',
    title: 'Picture far larger than a screen',
    message: 'This picture is far larger than any screen; a smaller copy is shown.',
    whatToDo: 'Nothing is needed. For faster loading, save a smaller copy (the message gives a size) and use that instead.',
  },
  'display-copy-failed': {
    severity: 'warning',
    title: 'Smaller copy not saved',
    message: 'A smaller copy of a picture could not be saved, so the full-size picture is shown.',
    whatToDo: 'Ask IT to check that the kiosk\'s disk has free space and that the kiosk may write to its picture cache.',
  },
  'left-out-html': {
    severity: 'warning',
    title: 'HTML left out',
    message: 'This text contains HTML, which the screen does not show.',
    whatToDo: 'Use plain text and Markdown instead, such as **bold** or a line starting with "- " for a list.',
  },
  'left-out-image': {
    severity: 'warning',
    title: 'Picture in the text left out',
    message: 'Pictures inside the text are not shown.',
    whatToDo: 'Remove the picture from the text and use the image field at the top of the file.',
    example: 'image: media/welcome.jpg\nimageAlt: A calm waiting room with a window',
  },
  'left-out-unsafe-link': {
    severity: 'warning',
    title: 'Link not shown as a link',
    message: 'This link is not a web address, an email or a phone number, so only its text is shown.',
    whatToDo: 'Use a web address starting with https://, mailto: or tel:, or use the link field for a QR code.',
    example: '[call us](tel:555-123-4567)',
  },
} satisfies Record<string, ProblemEntry>;

export type ProblemCode = keyof typeof problemCatalogue;

export const problemCodes = Object.keys(problemCatalogue) as ProblemCode[];

export function catalogueEntry(code: ProblemCode): ProblemEntry {
  return problemCatalogue[code];
}
