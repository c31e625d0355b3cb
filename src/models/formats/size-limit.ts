/**
 * Far larger than any model a course participant opens here; refused before parsing. Its own module
 * so the page can check a file's size without loading the formats and their messages.
 */
export const MAX_MODEL_BYTES = 200 * 1024 * 1024;
