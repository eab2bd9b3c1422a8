import type { Title } from "../../schemas/types/bundle.v1.js";
import { defaultCatalog } from "../model/catalog.js";

/** A title variable: the bundle schema's enum, which `npm run gen` writes from catalog/title-variables.json. */
export type TitleVariable = Exclude<Title["segments"][number], string>["var"];

/** The variables a title template may use, in catalog order (catalog/title-variables.json). */
export const titleVariables: readonly TitleVariable[] = defaultCatalog().titleVariables as TitleVariable[];

export function isTitleVariable(name: string): name is TitleVariable {
  return (titleVariables as readonly string[]).includes(name);
}
