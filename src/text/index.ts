/**
 * Chinese profile text: normalisers (NFKC, width, traditional -> simplified, case,
 * punctuation; organisations, schools, job titles with editable alias tables), string
 * metrics on code points (Levenshtein, Jaro-Winkler), pinyin, name similarity, set
 * similarity and tag tokenising.
 */
export * from './aliases';
export * from './codepoints';
export * from './jaroWinkler';
export * from './jobTitle';
export * from './levenshtein';
export * from './nameSimilarity';
export * from './normalize';
export * from './opencc';
export * from './organization';
export * from './pinyin';
export * from './school';
export * from './schoolVocabulary';
export * from './sets';
export * from './tags';
export * from './titleVocabulary';
export * from './vocabulary';
