/** The bundle format this runtime reads and the compiler writes (schemas/bundle.v1.schema.json). */
export const bundleFormat = "crm-policy-bundle/v1";
