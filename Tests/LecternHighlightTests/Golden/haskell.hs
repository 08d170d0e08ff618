{- A module
   {- nested -} comment -}
module Main where
import qualified Data.Map as M

-- | Doubles a number.
double :: Int -> Int
double x = x * 2

main :: IO ()
main = putStrLn ("value: " ++ show (double 21) ++ "\n")
