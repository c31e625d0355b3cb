/**
 * A photo file to RGB pixels in the browser: the header is checked first (empty, not an image,
 * too large: refused before decoding), then the browser decodes it (createImageBitmap, no colour
 * management, alpha not premultiplied) and the alpha byte is dropped.
 */
import { photoInput } from '../../i18n/messages/photo-input';
import { dropAlpha, sniffImage, undecodableMessage, type ImageFileInfo, type PixelImage } from '../../inspector/photo';

export type DecodedPhoto =
  | { ok: true; name: string; image: PixelImage; info: ImageFileInfo; bitmap: ImageBitmap }
  | { ok: false; name: string; message: string };

export async function decodePhoto(file: File): Promise<DecodedPhoto> {
  const name = file.name || photoInput.thisFile;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, name, message: photoInput.unreadableFile(name) };
  }
  const sniff = sniffImage(bytes, name);
  if (!sniff.ok) return { ok: false, name, message: sniff.message };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes.slice()]), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch {
    return { ok: false, name, message: undecodableMessage(sniff.info, name) };
  }
  const { width, height } = bitmap;
  if (width === 0 || height === 0) return { ok: false, name, message: undecodableMessage(sniff.info, name) };
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return { ok: false, name, message: photoInput.noCanvas(name) };
  ctx.drawImage(bitmap, 0, 0);
  let rgba: Uint8ClampedArray;
  try {
    rgba = ctx.getImageData(0, 0, width, height).data;
  } catch {
    return { ok: false, name, message: undecodableMessage(sniff.info, name) };
  }
  return { ok: true, name, image: dropAlpha(rgba, width, height), info: sniff.info, bitmap };
}
