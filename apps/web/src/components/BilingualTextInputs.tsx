import { SimpleGrid, Textarea, TextInput, type MantineSpacing } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { CSSProperties, ReactNode } from 'react';

/** What differs between the Arabic and the English input of a pair. */
export interface BilingualSide {
  label: ReactNode;
  /** A hint under the label; none when left out. */
  description?: ReactNode;
  /** What `form.getInputProps(path)` returns for this language's field. */
  input: GetInputPropsReturnType;
  /** Defaults to true. */
  required?: boolean;
  /** An id of one's own, for something else on the page to point at; Mantine makes one otherwise. */
  id?: string;
}

export interface BilingualTextInputsProps {
  /** The Arabic input: written right to left. */
  ar: BilingualSide;
  /** The English input: written left to right. */
  en: BilingualSide;
  maxLength?: number;
  autoComplete?: string;
  /** Give the Arabic input the focus when the modal or drawer around it opens (`data-autofocus`). */
  autofocus?: boolean;
  /** Textareas that grow with their text, instead of single lines. */
  multiline?: boolean;
  /** Side by side from the small breakpoint on (`grid`), or one under the other in the parent's flow (`stack`). */
  layout?: 'grid' | 'stack';
  /** Space between the two in the grid. */
  spacing?: MantineSpacing;
  /** Style of the grid. */
  style?: CSSProperties;
}

/** A text in both languages: the same field in Arabic and in English, each in its own direction. */
export function BilingualTextInputs({
  ar,
  en,
  maxLength,
  autoComplete,
  autofocus = false,
  multiline = false,
  layout = 'grid',
  spacing = 'md',
  style,
}: BilingualTextInputsProps) {
  const field = (side: BilingualSide, dir: 'rtl' | 'ltr', lang: 'ar' | 'en', focus: boolean) => {
    const props = {
      id: side.id,
      label: side.label,
      description: side.description,
      required: side.required ?? true,
      dir,
      lang,
      maxLength,
      autoComplete,
      'data-autofocus': focus || undefined,
    };
    return multiline ? (
      <Textarea {...props} autosize minRows={3} maxRows={12} {...side.input} />
    ) : (
      <TextInput {...props} {...side.input} />
    );
  };
  const inputs = (
    <>
      {field(ar, 'rtl', 'ar', autofocus)}
      {field(en, 'ltr', 'en', false)}
    </>
  );
  return layout === 'grid' ? (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={spacing} style={style}>
      {inputs}
    </SimpleGrid>
  ) : (
    inputs
  );
}
