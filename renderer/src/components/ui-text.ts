// Words the screen itself says, in English and Spanish. Other pack languages get English here
// (their content still shows in their own language). End-to-end tests find controls by these
// names: change them together.

const en = {
  loading: 'Loading…',
  startupFailed: 'The screen is starting. Please ask the front desk if this stays.',
  tapToExplore: 'Tap anywhere to explore',
  slideRole: 'slide',
  slideLabel: (position: number, count: number, title: string) => `Slide ${position} of ${count}: ${title}`,
  slideProgress: (position: number, count: number) => `Slide ${position} of ${count}`,
  pauseSlides: 'Pause slides',
  playSlides: 'Play slides',
  sourcesPrefix: 'Sources:',
  sourcesHeading: 'Sources',
  lastReviewed: (date: string) => `Last reviewed: ${date}`,
  notReviewed: 'Not yet reviewed by the clinic',
  educationalOnly: 'Educational only. Ask your care team about your own treatment.',
  menuHeading: 'Explore topics',
  backToSlides: 'Back to slides',
  back: 'Back',
  home: 'Home',
  pageControls: 'Page controls',
  screenControls: 'Screen options',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  needHelp: 'Need help now?',
  close: 'Close',
  language: 'Language',
  chooseLanguage: 'Choose a language',
  display: 'Text size',
  displayHeading: 'Text size and display',
  smallerText: 'Smaller text',
  largerText: 'Larger text',
  textSizeNames: ['Standard', 'Large', 'Largest'] as const,
  textSizeNow: (name: string) => `Text size: ${name}`,
  highContrast: 'High contrast',
  reduceMotion: 'Reduce motion',
  reduceMotionBySystem: 'This screen is set to reduce motion.',
  readingSpeed: 'Reading speed',
  readingSpeedNames: ['Slower', 'Normal', 'Faster'] as const,
  readingVolume: 'Reading volume',
  readingVolumeNames: ['Quieter', 'Normal', 'Louder'] as const,
  readAloud: 'Read aloud',
  stopReading: 'Stop reading',
  stillReading: 'Still reading?',
  idleCountdown: (seconds: number) => `This screen will go back to the start in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  idlePrivacy: 'Everything you chose here will be cleared, for your privacy.',
  stillHere: 'I am still reading',
  takeHome: 'Take this home',
  takeHomeCaption: 'Scan with your phone camera to read this at home.',
  qrLabel: (url: string) => `QR code for ${url}`,
  qrNote: 'It opens on your phone only.',
  frontDeskHeading: 'People here can help',
  callClinic: 'Call the clinic:',
  moreBelow: 'More below',
  topicExtras: 'Picture and take-home link',
  welcome: 'Welcome',
} as const;

export type UiText = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K] extends readonly string[] ? readonly [string, string, string] : string };

const es: UiText = {
  loading: 'Cargando…',
  startupFailed: 'La pantalla se está iniciando. Si sigue así, avise en la recepción.',
  tapToExplore: 'Toque en cualquier lugar para explorar',
  slideRole: 'diapositiva',
  slideLabel: (position, count, title) => `Diapositiva ${position} de ${count}: ${title}`,
  slideProgress: (position, count) => `Diapositiva ${position} de ${count}`,
  pauseSlides: 'Pausar las diapositivas',
  playSlides: 'Reanudar las diapositivas',
  sourcesPrefix: 'Fuentes:',
  sourcesHeading: 'Fuentes',
  lastReviewed: (date) => `Última revisión: ${date}`,
  notReviewed: 'La clínica aún no ha revisado este contenido',
  educationalOnly: 'Solo con fines educativos. Pregunte a su equipo médico sobre su propio tratamiento.',
  menuHeading: 'Explorar temas',
  backToSlides: 'Volver a las diapositivas',
  back: 'Atrás',
  home: 'Inicio',
  pageControls: 'Controles de la página',
  screenControls: 'Opciones de la pantalla',
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  pageOf: (page, count) => `Página ${page} de ${count}`,
  needHelp: '¿Necesita ayuda ahora?',
  close: 'Cerrar',
  language: 'Idioma',
  chooseLanguage: 'Elija un idioma',
  display: 'Tamaño del texto',
  displayHeading: 'Tamaño del texto y pantalla',
  smallerText: 'Texto más pequeño',
  largerText: 'Texto más grande',
  textSizeNames: ['Normal', 'Grande', 'Muy grande'],
  textSizeNow: (name) => `Tamaño del texto: ${name}`,
  highContrast: 'Alto contraste',
  reduceMotion: 'Reducir el movimiento',
  reduceMotionBySystem: 'Esta pantalla ya está configurada para reducir el movimiento.',
  readingSpeed: 'Velocidad de lectura',
  readingSpeedNames: ['Más lenta', 'Normal', 'Más rápida'],
  readingVolume: 'Volumen de lectura',
  readingVolumeNames: ['Más bajo', 'Normal', 'Más alto'],
  readAloud: 'Leer en voz alta',
  stopReading: 'Dejar de leer',
  stillReading: '¿Sigue leyendo?',
  idleCountdown: (seconds) => `Esta pantalla volverá al inicio en ${seconds} ${seconds === 1 ? 'segundo' : 'segundos'}.`,
  idlePrivacy: 'Todo lo que eligió aquí se borrará, para proteger su privacidad.',
  stillHere: 'Sigo leyendo',
  takeHome: 'Lléveselo a casa',
  takeHomeCaption: 'Escanee con la cámara de su teléfono para leerlo en casa.',
  qrLabel: (url) => `Código QR de ${url}`,
  qrNote: 'Se abre solo en su teléfono.',
  frontDeskHeading: 'Aquí le podemos ayudar',
  callClinic: 'Llame a la clínica:',
  moreBelow: 'Hay más abajo',
  topicExtras: 'Imagen y enlace para llevar',
  welcome: 'Le damos la bienvenida',
};

const byLanguage: Record<string, UiText> = { en, es };

/** The screen's own words for a pack language: its base language if we have it, else English. */
export function uiTextFor(language: string): UiText {
  return byLanguage[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** The language our own words are in for `language` (for the lang attribute of controls). */
export function uiLanguageFor(language: string): string {
  const base = language.split('-')[0]!.toLowerCase();
  return base in byLanguage ? language : 'en';
}

/** Before any content arrives the screen speaks English. */
export const uiText: UiText = en;
