import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** The screens of a signed-in user. One workstation, no URLs to share: routes live in the store. */
export type Route =
  | { name: 'roster' }
  | { name: 'admit' }
  | { name: 'trainee'; traineeId: string }
  | { name: 'system' };

export interface NavigationState {
  route: Route;
}

const initialState: NavigationState = { route: { name: 'roster' } };

export const navigation = createSlice({
  name: 'navigation',
  initialState,
  reducers: {
    navigate(state, action: PayloadAction<Route>) {
      state.route = action.payload;
    },
  },
});

export const { navigate } = navigation.actions;
