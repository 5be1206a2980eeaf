/** aws-sdk-client-mock stubs for the Bedrock control plane of the seed's account (Tokyo, November 2024). */
import { mockClient } from "aws-sdk-client-mock";
import {
  BedrockClient, GetFoundationModelAvailabilityCommand, ListFoundationModelsCommand, ListInferenceProfilesCommand,
} from "@aws-sdk/client-bedrock";
import * as seed from "../../fixtures/aws/seed-deployment.js";

export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: name === "AccessDeniedException" || name === "AccessDenied" ? 403 : 400 } });
}

export function installSeedBedrock() {
  const bedrock = mockClient(BedrockClient);
  bedrock.on(ListFoundationModelsCommand).resolves(seed.listFoundationModels);
  bedrock.on(ListInferenceProfilesCommand).callsFake((input: { nextToken?: string }) =>
    input.nextToken === "p2" ? seed.listInferenceProfilesPages[1] : seed.listInferenceProfilesPages[0],
  );
  bedrock.on(GetFoundationModelAvailabilityCommand).callsFake((input: { modelId: string }) => seed.availability(input.modelId, seed.GRANTED.has(input.modelId)));
  return bedrock;
}
