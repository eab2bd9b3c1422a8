/** The six session variables a title template may use. */
export const titleVariables = ["CALL_TYPE", "CALL_ID", "MENU_PATH", "PHONE_NUMBER", "LANGUAGE", "TIMESTAMP"] as const;

export type TitleVariable = (typeof titleVariables)[number];

export function isTitleVariable(name: string): name is TitleVariable {
  return (titleVariables as readonly string[]).includes(name);
}
