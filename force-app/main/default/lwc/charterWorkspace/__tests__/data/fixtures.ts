// The JSON fixtures, type-checked against the view-model the Apex returns (npm run typecheck fails when the
// contract and the fixtures drift apart).
import type { Widen } from 'c/successModel';
import type { WorkspaceData } from '../../workspaceTypes';
import workspaceJson from './workspace.json';
import noCharterJson from './noCharter.json';
import { buildWorkspaceView } from '../../workspaceModel';

const workspaceChecked: Widen<WorkspaceData> = workspaceJson;
const noCharterChecked: Widen<WorkspaceData> = noCharterJson;

/** A fresh copy per call, so a test that mutates its data cannot leak into the next. */
export const workspace = (): WorkspaceData => JSON.parse(JSON.stringify(workspaceChecked)) as WorkspaceData;
export const noCharter = (): WorkspaceData => JSON.parse(JSON.stringify(noCharterChecked)) as WorkspaceData;

/** The fixture as the tabs receive it, computed by successModel the way the workspace does. */
export const view = () => buildWorkspaceView(workspace());
